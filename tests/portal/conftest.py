import pytest

from .factories import make_article_index, make_home, make_value_index


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def article_index(home):
    return make_article_index(home)


@pytest.fixture
def value_index(home):
    return make_value_index(home)
