"""What Rekognition calls cost: per-operation prices, the ledger's bill, and an import's estimate.

Prices are Amazon Rekognition Image's public list prices for US East (N. Virginia), first pricing tier
(the first million images a month): every image API call is billed as one image. Higher tiers are
cheaper and some regions differ, so these figures are an upper bound for most users; the README links
the price page. Collection management calls (create, describe, list) are free; storing a face's
metadata costs a small monthly fee per face. The user-vector calls (engines/rekognition.py, `rekognition_mode
= users`) that process faces (SearchUsersByImage, SearchUsers, AssociateFaces, DisassociateFaces) are Group 1
calls; CreateUser is counted at the same price so that an estimate stays an upper bound. Users themselves are
not stored at extra cost, and DeleteUser and ListUsers are management calls.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..library import Library

ENGINE = "rekognition"
PRICE_PER_IMAGE_USD = 0.001  # Group 1 (IndexFaces, SearchFacesByImage) and Group 2 (DetectFaces), tier 1
PRICES_USD: dict[str, float] = {
    "DetectFaces": PRICE_PER_IMAGE_USD,
    "SearchFacesByImage": PRICE_PER_IMAGE_USD,
    "IndexFaces": PRICE_PER_IMAGE_USD,
    "SearchUsersByImage": PRICE_PER_IMAGE_USD,
    "SearchUsers": PRICE_PER_IMAGE_USD,
    "CreateUser": PRICE_PER_IMAGE_USD,
    "AssociateFaces": PRICE_PER_IMAGE_USD,
    "DisassociateFaces": PRICE_PER_IMAGE_USD,
}
FACE_STORAGE_USD_PER_MONTH = 0.00001  # per face kept in a collection
# A call that returned a result is billed; IndexFaces that indexed nothing still processed one image.
BILLED_OUTCOMES = ("ok", "unindexed")


def price(operation: str) -> float:
    return PRICES_USD.get(operation, 0.0)


@dataclass
class CostLine:
    operation: str
    calls: int  # every call made, whatever its outcome
    billed: int  # calls that returned a result
    errors: int
    unit_usd: float
    usd: float


@dataclass
class CostReport:
    lines: list[CostLine] = field(default_factory=list)
    faces_stored: int = 0
    storage_usd_per_month: float = 0.0

    @property
    def calls(self) -> int:
        return sum(line.calls for line in self.lines)

    @property
    def usd(self) -> float:
        return sum(line.usd for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "operations": [asdict(line) for line in self.lines],
            "calls": self.calls,
            "usd": round(self.usd, 6),
            "faces_stored": self.faces_stored,
            "storage_usd_per_month": round(self.storage_usd_per_month, 6),
        }


def ledger_costs(library: Library, engine: str = ENGINE) -> CostReport:
    """Calls and estimated dollars per operation, from the library's call ledger."""
    report = CostReport()
    marks = ", ".join("?" for _ in BILLED_OUTCOMES)
    rows = library.conn.execute(
        f"SELECT operation, count(*), sum(outcome IN ({marks})) FROM engine_calls WHERE engine = ?"
        " GROUP BY operation ORDER BY operation", (*BILLED_OUTCOMES, engine))
    for operation, calls, billed in rows:
        billed = int(billed or 0)
        unit = price(operation)
        report.lines.append(CostLine(operation, int(calls), billed, int(calls) - billed, unit, billed * unit))
    report.faces_stored = int(library.conn.execute(
        "SELECT count(DISTINCT engine_face_id) FROM faces WHERE engine = ? AND engine_face_id IS NOT NULL",
        (engine,)).fetchone()[0])
    report.storage_usd_per_month = report.faces_stored * FACE_STORAGE_USD_PER_MONTH
    return report


@dataclass
class EstimateLine:
    operation: str
    calls: int
    usd: float
    note: str
    at_most: bool = False  # `calls` is an upper bound, not the number of calls


def estimate_calls(new_photos: int, faces: int, *, remote_detection: bool, mode: str = "faces",
                   people_without_users: int = 0, disassociations: int = 0) -> list[EstimateLine]:
    """The most an import of `new_photos` photos holding `faces` faces can cost.

    One DetectFaces per photo (unless the local detector finds the faces), one SearchFacesByImage per
    face, and one IndexFaces per face that turns out to be someone new: at most one per face, at least
    one per new person. Known photos and exact duplicates cost nothing and are not counted here.

    `mode="users"` (user vectors): one SearchUsersByImage per face instead; a new person costs IndexFaces,
    CreateUser and AssociateFaces, and a face of someone known costs IndexFaces and AssociateFaces while
    that person's user holds fewer than 100 varied faces: so at most one of each per face. Before its first
    search the import gives each of the library's `people_without_users` a user (CreateUser and
    AssociateFaces each): people found face by face, or founded again by a regroup; and first of all takes
    the faces the user moved out of a person out of its user (`disassociations` DisassociateFaces calls).
    """
    def line(operation: str, calls: int, note: str, at_most: bool = False) -> EstimateLine:
        return EstimateLine(operation, calls, calls * price(operation), note, at_most)

    lines = []
    if remote_detection:
        lines.append(line("DetectFaces", new_photos, "one per new photo"))
    if mode != "users":
        lines.append(line("SearchFacesByImage", faces, "one per face"))
        lines.append(line("IndexFaces", faces, "at most one per face (only faces of people not seen before)", True))
        return lines
    lines.append(line("SearchUsersByImage", faces, "one per face"))
    lines.append(line("IndexFaces", faces, "at most one per face (new people, and faces added to a person's"
                      " user while it holds fewer than 100)", True))
    lines.append(line("CreateUser", faces + people_without_users, "at most one per face (new people)"
                      + (f", and one for each of the {people_without_users} people without a user yet"
                         if people_without_users else ""), True))
    lines.append(line("AssociateFaces", faces + people_without_users, "at most one per face"
                      + (f", and one for each of the {people_without_users} people without a user yet"
                         if people_without_users else ""), True))
    if disassociations:
        lines.append(line("DisassociateFaces", disassociations, "faces taken out of a person since the last import"
                          " leave its user (up to 100 a call)"))
    return lines
