"""Mutated office files never crash the import: bytes flipped, files cut short, XML parts
broken or cut, parts dropped — every outcome is a plan or an `ImportRefused`/`UserError`
message, never another exception. A seeded slice runs in the suite; `FUZZ_IMPORT=N` runs N
mutations (an outside run found the zlib, unknown-zip-version and missing-part crashes fixed
with this test)."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest

from clusterctl.errors import ClusterctlError
from clusterctl.importing import ImportOptions, import_file
from tests.importing import office
from tests.importing.office import T

ROWS = [["№", "Мероприятие", "Срок", "Ответственный", "Результат"],
        ["1", "Совещание", "май 2023", "Иванова И.И.", "Протокол"],
        ["2", "Семинар", "", "Петров П.П.", "Программа"],
        ["", "", "июнь 2023", "", "Итоги"]]
INSERTS = [b"<", b">", b'"', b"&", b"</w:tc>", b"<w:tr>", b"<w:tc>", b"\xff",
           b'<table:table-cell table:number-columns-spanned="99999"/>',
           b'<w:gridSpan w:val="99999"/>']


def _seeds(folder: Path) -> dict[str, bytes]:
    merges = [(2, 0, 3, 0), (2, 1, 3, 1)]
    return {
        "docx": office.write_docx(folder / "s.docx", ["План", T(ROWS, merges)]).read_bytes(),
        "xlsx": office.write_xlsx(folder / "s.xlsx", [list(r) for r in ROWS],
                                  merges).read_bytes(),
        "ods": office.write_ods(folder / "s.ods", ROWS, merges).read_bytes(),
        "odt": office.write_odt(folder / "s.odt", ["План", T(ROWS, merges)]).read_bytes(),
        "csv": office.write_csv(folder / "s.csv", ROWS).read_bytes(),
    }


def _mutated(rng: random.Random, kind: str, data: bytes) -> bytes:
    how = rng.choice(["flip", "truncate", "xml", "xmlcut", "drop"])
    if kind == "csv" or how in ("flip", "truncate"):
        raw = bytearray(data)
        if how == "truncate":
            return bytes(raw[:rng.randrange(len(raw) + 1)])
        for _ in range(rng.randrange(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    name = rng.choice([n for n in members if n.endswith(".xml")] or list(members))
    if how == "drop":
        del members[name]
    elif how == "xmlcut":
        members[name] = members[name][:rng.randrange(len(members[name]) + 1)]
    else:
        part = bytearray(members[name])
        for _ in range(rng.randrange(1, 10)):
            at = rng.randrange(len(part) + 1)
            part[at:at] = rng.choice(INSERTS)
        members[name] = bytes(part)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for member, content in members.items():
            package.writestr(member, content)
    return out.getvalue()


@pytest.mark.parametrize("seed", [1, 2])
def test_mutated_office_files_never_crash_the_import(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    seeds = _seeds(tmp_path)
    crashes = []
    for n in range(int(os.environ.get("FUZZ_IMPORT", "60"))):
        kind = rng.choice(sorted(seeds))
        path = tmp_path / f"m{n}.{kind}"
        path.write_bytes(_mutated(rng, kind, seeds[kind]))
        try:
            import_file(path, path.name, ImportOptions(), out_name="x.yaml")
        except ClusterctlError:
            pass
        except Exception as exc:  # what this test is for
            crashes.append(f"{path.name}: {type(exc).__name__}: {exc}")
    assert not crashes, "\n".join(crashes)
