"""Cases for the utilities that look at and change files and directories: ls cp mv rm ln
mkdir rmdir touch chmod chown du df find xargs (see utils_cases.py)."""

from case import Case as C

CASES = [
]
