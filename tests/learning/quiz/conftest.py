import pytest

from django.http import QueryDict

from learning import services as learning_services

from .factories import make_question, make_quiz, single_choice, true_false


@pytest.fixture
def quiz(course):
    questions = [make_question(single_choice()), make_question(true_false())]
    return make_quiz(course, questions, pass_mark=50, max_attempts=2)


@pytest.fixture
def enrolled(pegawai, course):
    learning_services.enrolment_create(user=pegawai, course=course)
    return pegawai


def form(**values) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in values.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return data


def answers(attempt, **values) -> QueryDict:
    """Form data as the browser posts it: a choice by its position in the attempt's
    shuffled order, not by its id. Values that are not choice ids pass unchanged."""
    orders = {f"q{entry['slot']}": entry["order"] for entry in attempt.layout}
    data = QueryDict(mutable=True)
    for key, value in values.items():
        order = orders.get(key.split("-")[0], [])
        items = value if isinstance(value, list) else [value]
        data.setlist(key, [str(order.index(v)) if v in order else v for v in items])
    return data
