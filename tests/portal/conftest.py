import pytest

from portal.page_cache import invalidate_all

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


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached section links and pages outlive each test's rolled-back database: start each
    test on a new generation. (Not cache.clear(): on Redis that flushes the whole database,
    Celery's broker keys included.)"""
    invalidate_all()
    yield
    invalidate_all()
