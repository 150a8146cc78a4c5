"""The question flow, as tables: no Flask needed."""
import pytest

from signpost import flow
from signpost.flow import Answers

PLACES = ("GB", "GB-SCT", "DE", "INT")


@pytest.mark.parametrize("answers, expected", [
    (Answers(), ("danger", "who", "what", "where", "need")),
    (Answers(danger="no", who="child"), ("danger", "who", "what", "where", "need")),
    (Answers(danger="yes", who="child"), ("danger", "urgent", "who", "what", "where", "need")),
    (Answers(danger="no", who="worried"), ("danger", "who", "where")),
    (Answers(danger="yes", who="bystander"), ("danger", "urgent", "who", "where")),
    (Answers(danger="no", who="parent"), ("danger", "who", "what", "where", "need")),
])
def test_steps_depend_on_answers(answers, expected):
    assert flow.steps_for(answers) == expected


def test_never_more_than_five_questions():
    for who in flow.ROLES:
        for danger in flow.DANGER_ANSWERS:
            steps = flow.steps_for(Answers(danger=danger, who=who))
            assert len([s for s in steps if s in flow.QUESTIONS]) <= 5


@pytest.mark.parametrize("step, values, expected", [
    ("danger", ["yes"], ("yes", None)),
    ("danger", [], (None, flow.REQUIRED)),
    ("danger", [""], (None, flow.REQUIRED)),
    ("danger", ["maybe"], (None, flow.INVALID)),
    ("danger", ["yes", "no"], (None, flow.INVALID)),
    ("who", ["child"], ("child", None)),
    ("who", ["<script>"], (None, flow.INVALID)),
    ("what", ["fake", "threats"], (("fake", "threats"), None)),
    ("what", ["fake", "fake"], (("fake",), None)),
    ("what", ["fake", "nonsense"], ((), flow.INVALID)),
    ("what", [], ((), flow.REQUIRED)),
    ("where", ["GB-SCT"], ("GB-SCT", None)),
    ("where", ["FR"], (None, flow.INVALID)),
    ("need", ["everything"], (("everything",), None)),
])
def test_check_one_question(step, values, expected):
    assert flow.check(step, values, PLACES) == expected


def test_read_answers_keeps_good_ones_and_names_bad_ones():
    form = {"danger": ["yes"], "who": ["alien"], "what": ["fake"], "where": ["GB"]}
    answers, errors = flow.read_answers(form, PLACES)
    assert answers == Answers(danger="yes", what=("fake",), where="GB")
    assert errors == {"who": flow.INVALID}


@pytest.mark.parametrize("answers, step, expected_next, expected_back", [
    (Answers(danger="no"), "danger", "who", None),
    (Answers(danger="yes"), "danger", "urgent", None),
    (Answers(danger="yes"), "urgent", "who", "danger"),
    (Answers(danger="yes", who="child"), "who", "what", "urgent"),
    (Answers(danger="no", who="worried"), "who", "where", "danger"),
    (Answers(danger="no", who="worried", where="DE"), "where", None, "who"),
    (Answers(danger="no", who="child", what=("fake",), where="DE"), "where", "need", "what"),
    (Answers(danger="no", who="child", what=("fake",), where="DE", need=("talk",)), "need",
     None, "where"),
])
def test_next_and_previous(answers, step, expected_next, expected_back):
    assert flow.next_step(answers, step) == expected_next
    assert flow.previous_step(answers, step) == expected_back


def test_first_unanswered_finds_a_gap_before_the_target():
    answers = Answers(danger="no", who="child", where="DE")
    assert flow.first_unanswered(answers, upto="need") == "what"
    assert flow.first_unanswered(answers, upto="what") is None


def test_position_counts_questions_only():
    answers = Answers(danger="yes", who="child")
    assert flow.position(answers, "who") == (2, 5)
    assert flow.position(answers, "urgent") is None
