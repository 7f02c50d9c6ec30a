"""Practice mode: the student computes each number, BP Studio checks it and names the mistake.

NumPy only, no Qt.  For each step of a derivation: the named mistakes (``mistakes``), the
checker of a typed answer (``checker``), the hint ladder (``hints``), backward fading
(``fading``), the progress kept with the project (``progress``, ``storage``), the words said to
the student (``feedback``, ``text``) and new exercises with nice numbers (``exercise``).
"""

from bpstudio.model.practice.checker import Verdict, check_answer, parse_answer
from bpstudio.model.practice.exercise import exercise_numbers, new_exercise
from bpstudio.model.practice.facts import pass_facts
from bpstudio.model.practice.fading import hidden_sections, hidden_steps, max_level
from bpstudio.model.practice.mistakes import (
    MISTAKE_CODES,
    Mistake,
    derivation_mistakes,
    project_mistakes,
)
from bpstudio.model.practice.progress import (
    ExerciseProgress,
    PracticeLog,
    PracticeRecord,
    StepProgress,
    fingerprint,
    step_key,
)

__all__ = [
    "MISTAKE_CODES",
    "ExerciseProgress",
    "Mistake",
    "PracticeLog",
    "PracticeRecord",
    "StepProgress",
    "Verdict",
    "check_answer",
    "derivation_mistakes",
    "exercise_numbers",
    "fingerprint",
    "hidden_sections",
    "hidden_steps",
    "max_level",
    "new_exercise",
    "parse_answer",
    "pass_facts",
    "project_mistakes",
    "step_key",
]
