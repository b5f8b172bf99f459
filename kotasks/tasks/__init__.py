"""The six task types, by their stable names."""

from kotasks.tasks.base import Example, Skip, Task
from kotasks.tasks.last_sentence import LastSentence
from kotasks.tasks.mask_prediction import MaskPrediction
from kotasks.tasks.multi_question import MultiQuestion
from kotasks.tasks.original_inference import OriginalInference
from kotasks.tasks.sentence_order import SentenceOrder
from kotasks.tasks.summary_title import SummaryTitle

TASKS: dict[str, type[Task]] = {
    cls.name: cls
    for cls in (MultiQuestion, SummaryTitle, OriginalInference, SentenceOrder, LastSentence, MaskPrediction)
}

__all__ = ["TASKS", "Example", "Skip", "Task"]
