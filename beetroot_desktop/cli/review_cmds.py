"""`beetroot review`: the questions that finish the grouping, and their answers, for scripts and tests.

`beetroot review [--json]` lists the pending questions, most useful first; `beetroot review answer ID
yes|no|skip [--json]` answers one (an undoable edit, like any other: `beetroot undo`).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..textsafe import printable
from .common import EXIT_OK, CliError, add_library, examples, open_library_for


def register(sub: Any) -> None:
    p = sub.add_parser("review", help="questions that finish the grouping: list them, or answer one",
                       description="List the pending questions, most useful first: kind \"face\" asks whether face"
                                   " IDX of PHOTO is candidate_person_id; kind \"people\" asks whether person_id and"
                                   " candidate_person_id are the same person. `review answer ID yes|no|skip`"
                                   " answers one; every answer is an undoable edit and is never asked again.",
                       **examples("beetroot review --json | jq -r '.[0].id'",
                                  "beetroot review answer people:1f2e...:9a8b... yes"))
    add_library(p)
    p.add_argument("--json", action="store_true", help='a JSON list of {"id", "kind", "photo", "idx",'
                                                       ' "person_id", "candidate_person_id", "similarity"}')
    p.set_defaults(handler=cmd_review)
    answers = p.add_subparsers(dest="review_command", metavar="answer")
    a = answers.add_parser("answer", help="answer one question: yes, no or skip",
                           **examples("beetroot review answer people:1f2e...:9a8b... yes",
                                      "beetroot review --json | jq -r '.[].id' | head -n 1 |"
                                      " xargs -I{} beetroot review answer {} skip"))
    a.add_argument("question", metavar="ID", help="a question id from `beetroot review`")
    a.add_argument("answer", choices=("yes", "no", "skip"))
    add_library(a)
    a.add_argument("--json", action="store_true", help="one JSON object: the question answered and the answer")
    a.set_defaults(handler=cmd_answer)


def _name(library: Any, person: str | None) -> str:
    if person is None:
        return "no one"
    row = library.conn.execute("SELECT name FROM people WHERE person_id = ?", (person,)).fetchone()
    return printable(row[0]) if row and row[0] else f"Unnamed person {person[:8]}"


def cmd_review(args: argparse.Namespace) -> int:
    with open_library_for(args, readonly_ok=True) as library:
        questions = library.review_questions()
        if args.json:
            print(json.dumps([q.to_json() for q in questions]))
            return EXIT_OK
        for q in questions:
            skipped = "  (skipped)" if q.skipped else ""
            if q.kind == "face":
                text = (f"Is face {q.idx} of {printable(q.photo or '')} {_name(library, q.candidate_person_id)}?"
                        f" (now in {_name(library, q.person_id)})")
            else:
                text = (f"Same person? {_name(library, q.person_id)} and"
                        f" {_name(library, q.candidate_person_id)}")
            print(f"{q.id}  {text}  similarity {q.similarity:.1f}{skipped}")
        if not questions:
            print("No questions: the grouping needs nothing from you.")
    return EXIT_OK


def cmd_answer(args: argparse.Namespace) -> int:
    from ..library import EditRefused

    with open_library_for(args, existing=True) as library:
        try:
            question = library.answer_question(args.question, args.answer)
        except KeyError as exc:
            raise CliError(str(exc.args[0]) if exc.args else "no such question") from exc
        except EditRefused as exc:
            raise CliError(str(exc)) from exc
        following = library.next_undo()
    if args.json:
        print(json.dumps({"question": question.to_json(), "answer": args.answer,
                          "undo": following.label if following else None}))
    else:
        print(f"{args.answer}: {question.id}")
    return EXIT_OK
