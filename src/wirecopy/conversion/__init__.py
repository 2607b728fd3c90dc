"""Converting whole corpora: many inputs, a process pool, a report, and reruns that resume.

:func:`convert` is what ``wirecopy convert`` runs.  Each input file is read
in full by one process and written atomically (to a temporary name, then
renamed), so an output file that exists is complete.

Into a directory, each input gets its own output file, named after the
input's path below the inputs' common folder.  A rerun skips an input whose
output exists and whose state record (``.wirecopy-convert.jsonl`` in the
output directory) shows it was made from the same input (path, size,
modification time) with the same settings; everything else is converted
again, and the rename replaces any earlier output, so a document is never
written twice.

Into one file or a stream, each input is first read into a temporary part,
and the parts are written out in input order, so the output does not depend
on how many processes ran or in which order they finished.

The work is split by concern over private modules: ``_inputs`` (which files,
and the names of their outputs), ``_worker`` (one file into its output),
``_pool`` (running the files, in this process or in worker processes),
``_state`` and ``_check`` (the state record that reruns read, and the check
of an output against it), ``_directory`` and ``_one`` (the two kinds of
output), ``_plan`` (what they share) and ``_convert`` (the entry point).
"""

from ._convert import convert
from ._inputs import expand_inputs, is_directory_output, output_name
from ._plan import ConvertError, ConvertInterrupted
from ._state import STATE_FILE

__all__ = [
    "STATE_FILE",
    "ConvertError",
    "ConvertInterrupted",
    "convert",
    "expand_inputs",
    "is_directory_output",
    "output_name",
]

# Documented, pickled and shown under the name users import them by.
for _name in __all__:
    _value = globals()[_name]
    if hasattr(_value, "__module__"):
        _value.__module__ = __name__
del _name, _value
