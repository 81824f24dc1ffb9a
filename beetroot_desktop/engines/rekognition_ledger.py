"""What the library's call ledger records of a Rekognition call that answered: its outcome and a detail line.

DeleteFaces and the user-vector calls are recorded by counts alone, never by the ids they name; which
outcomes are billed is `pricing.BILLED_OUTCOMES`.
"""

from __future__ import annotations

from typing import Any


def call_summary(operation: str, response: dict[str, Any]) -> tuple[str, str]:
    """The ledger's outcome and detail for a call that answered (a failed one: aws_errors.outcome_of)."""
    if operation == "SearchFacesByImage":
        matches = response.get("FaceMatches", [])
        best = max((m.get("Similarity", 0.0) for m in matches), default=None)
        return "ok", f"candidates={len(matches)}" + (f" best={best:.2f}" if best is not None else "")
    if operation == "IndexFaces":
        records = response.get("FaceRecords", [])
        if not records:
            reasons = sorted({r for f in response.get("UnindexedFaces", []) for r in f.get("Reasons", [])})
            return "unindexed", "reasons=" + ",".join(reasons)
        return "ok", f"face_id={records[0]['Face']['FaceId']}"
    if operation == "DetectFaces":
        return "ok", f"faces={len(response.get('FaceDetails', []))}"
    if operation == "DeleteFaces":  # counts only: the ledger must not keep the FaceIds of a forgotten person
        return "ok", (f"deleted={len(response.get('DeletedFaces', []))}"
                      f" unsuccessful={len(response.get('UnsuccessfulFaceDeletions', []))}")
    if operation == "DeleteCollection":
        return "ok", f"status={response.get('StatusCode')}"
    # The user-vector calls: counts only, never a UserId (a FaceId) that forgetting would have to scrub.
    if operation in ("SearchUsersByImage", "SearchUsers"):
        matches = response.get("UserMatches", [])
        best = max((m.get("Similarity", 0.0) for m in matches), default=None)
        return "ok", f"users={len(matches)}" + (f" best={best:.2f}" if best is not None else "")
    if operation == "AssociateFaces":
        return "ok", (f"associated={len(response.get('AssociatedFaces', []))}"
                      f" unsuccessful={len(response.get('UnsuccessfulFaceAssociations', []))}")
    if operation == "DisassociateFaces":
        return "ok", (f"disassociated={len(response.get('DisassociatedFaces', []))}"
                      f" unsuccessful={len(response.get('UnsuccessfulFaceDisassociations', []))}")
    return "ok", ""
