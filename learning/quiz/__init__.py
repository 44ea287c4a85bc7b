"""The framework-light core of the quiz engine.

Questions are plain frozen data (`types`), graded without the database (`grading`), and
read from or written to the formats other LMSs use (`gift`, `moodle_xml`). The Django
models store a `QuestionData` as JSON in each question revision and call into here.
"""
