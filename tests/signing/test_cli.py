"""`hoso sign`, `hoso verify`, `hoso tokens` end to end (secrets from stdin, never argv)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from desktop.cli import main
from tests.signing.conftest import make_pdf
from tests.signing.pki import P12_PASSWORD


def _run(argv, monkeypatch, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def test_sign_p12_then_verify(pki, pdf_one_page, tmp_path, monkeypatch, capsys):
    out = tmp_path / "signed.pdf"
    code = _run(
        ["sign", str(pdf_one_page), "-o", str(out), "--p12", str(pki.p12("signer")),
         "--password-stdin", "--reason", "Nộp hồ sơ", "--location", "Hà Nội",
         "--visible", "1/300,60,560,130"],
        monkeypatch, P12_PASSWORD + "\n",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert out.exists()
    capsys.readouterr()
    code = _run(["verify", str(out), "--trust", str(pki.cert_pem("root"))], monkeypatch)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Nguyễn Văn An" in captured.out
    code = _run(["verify", str(out), "--json"], monkeypatch)
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["signatures"][0]["intact"] is True


def test_wrong_password_exit_1(pki, pdf_one_page, tmp_path, monkeypatch, capsys):
    out = tmp_path / "signed.pdf"
    code = _run(
        ["sign", str(pdf_one_page), "-o", str(out), "--p12", str(pki.p12("signer")),
         "--password-stdin"],
        monkeypatch, "wrong\n",
    )  # fmt: skip
    assert code == 1
    assert "mật khẩu" in capsys.readouterr().err
    assert not out.exists()


def test_no_secret_in_argv():
    """There is no option that takes a password or PIN value."""
    help_text = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "sign", "--help"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "--pin " not in help_text and "--password " not in help_text
    assert "--pin-stdin" in help_text


def test_sign_with_token(softhsm_token, pdf_one_page, tmp_path, monkeypatch, capsys):
    out = tmp_path / "signed.pdf"
    code = _run(
        ["sign", str(pdf_one_page), "-o", str(out), "--pkcs11", str(softhsm_token["module"]),
         "--token", softhsm_token["label"], "--cert", softhsm_token["cert_label"],
         "--pin-stdin", "--invisible"],
        monkeypatch, softhsm_token["pin"] + "\n",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert _run(["verify", str(out)], monkeypatch) == 0


def test_sign_with_token_module_found_automatically(
    softhsm_token, pdf_one_page, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "signed.pdf"
    code = _run(
        ["sign", str(pdf_one_page), "-o", str(out), "--pkcs11", "--token",
         softhsm_token["label"], "--pin-stdin"],
        monkeypatch, softhsm_token["pin"] + "\n",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err


def test_wrong_pin_exit_1(softhsm_token, pdf_one_page, tmp_path, monkeypatch, capsys):
    code = _run(
        ["sign", str(pdf_one_page), "-o", str(tmp_path / "x.pdf"), "--pkcs11",
         str(softhsm_token["module"]), "--token", softhsm_token["label"], "--pin-stdin"],
        monkeypatch, "999999\n",
    )  # fmt: skip
    assert code == 1
    assert "PIN" in capsys.readouterr().err


def test_batch_one_pin(softhsm_token, tmp_path, monkeypatch, capsys):
    inputs = [make_pdf(tmp_path / f"tep {i}.pdf") for i in range(3)]
    folder = tmp_path / "signed"
    folder.mkdir()
    code = _run(
        ["sign", *map(str, inputs), "-o", str(folder), "--pkcs11", str(softhsm_token["module"]),
         "--token", softhsm_token["label"], "--pin-stdin"],
        monkeypatch, softhsm_token["pin"] + "\n",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == [f"tep {i} (đã ký).pdf" for i in range(3)]


def test_tokens_lists_softhsm(softhsm_token, monkeypatch, capsys):
    assert _run(["tokens"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert softhsm_token["label"] in out
    assert "Nguyễn Văn An" in out


def test_verify_exit_codes(testdata, pdf_one_page, tmp_path, monkeypatch, capsys):
    assert _run(["verify", str(pdf_one_page)], monkeypatch) == 1  # no signature
    assert "không có chữ ký" in capsys.readouterr().err
    tampered = testdata("signed", "pdfsign", "sigmodified.pdf")
    assert _run(["verify", str(tampered)], monkeypatch) == 1
    broken = testdata("hostile", "pdf", "qpdf_bad1.pdf")
    assert _run(["verify", str(broken)], monkeypatch) == 1
    assert str(broken) in capsys.readouterr().err
    trust = testdata("signed", "pyhanko", "trust", "pyhanko-testing-ca-root.cert.pem")
    good = testdata("signed", "pyhanko", "sig-with-ski-sid.pdf")
    assert (
        _run(["verify", str(good), "--trust", str(trust), "--at", "2020-11-01"], monkeypatch) == 0
    )
    # trusted only at the right time: the test CA has since expired
    assert _run(["verify", str(good), "--trust", str(trust)], monkeypatch) == 1


def test_bad_visible_spec(pki, pdf_one_page, tmp_path, monkeypatch, capsys):
    code = _run(
        ["sign", str(pdf_one_page), "-o", str(tmp_path / "x.pdf"), "--p12",
         str(pki.p12("signer")), "--password-stdin", "--visible", "nonsense"],
        monkeypatch, P12_PASSWORD + "\n",
    )  # fmt: skip
    assert code == 1
    assert "--visible" in capsys.readouterr().err


@pytest.mark.parametrize("tsa_needed", ["--ltv"])
def test_ltv_without_tsa_refused(pki, pdf_one_page, tmp_path, monkeypatch, capsys, tsa_needed):
    code = _run(
        ["sign", str(pdf_one_page), "-o", str(tmp_path / "x.pdf"), "--p12",
         str(pki.p12("signer")), "--password-stdin", tsa_needed],
        monkeypatch, P12_PASSWORD + "\n",
    )  # fmt: skip
    assert code == 1
    assert "TSA" in capsys.readouterr().err


def test_verify_hostile_pdfs_exit_1_never_a_crash(testdata, monkeypatch, capsys):
    for path in sorted(testdata("hostile", "pdf").glob("*.pdf")):
        assert _run(["verify", str(path)], monkeypatch) == 1, path
        assert "unexpected" not in capsys.readouterr().err


def _signature_rects(path):
    import pymupdf

    found = []
    with pymupdf.open(path) as doc:
        for index, page in enumerate(doc):
            for widget in page.widgets() or ():
                if widget.field_type == pymupdf.PDF_WIDGET_TYPE_SIGNATURE:
                    r, height = widget.rect, page.rect.height
                    found.append((index, (r.x0, height - r.y1, r.x1, height - r.y0)))
    return found


def test_sign_a_dossier_keeps_the_place_for_signing_again(pki, tmp_path, monkeypatch, capsys):
    """`hoso sign --dossier`: the files as uploaded, through the same action as the GUI; the
    place given with --visible is kept with the component and used when signing again."""
    from pathlib import Path

    from dossier import Workspace

    folder = tmp_path / "hs"
    workspace = Workspace.create(folder, "1.001193", component_ids=["to-khai"])
    workspace.add_file("to-khai", make_pdf(tmp_path / "Tờ khai.pdf", pages=2))
    sign = ["sign", "--dossier", str(folder), "--p12", str(pki.p12("signer")), "--password-stdin",
            "--portal", "national"]  # fmt: skip
    code = _run([*sign, "--visible", "1/300,500,520,570"], monkeypatch, P12_PASSWORD + "\n")
    captured = capsys.readouterr()
    assert code == 0, captured.err
    entry = Workspace.open(folder).dossier.component("to-khai")
    assert entry.stamp is not None and entry.stamp.page == 1
    assert entry.stamp.rect == (300.0, 500.0, 520.0, 570.0)
    [(page, rect)] = _signature_rects(Path(captured.out.strip()))
    assert page == 0 and rect == pytest.approx((300, 500, 520, 570), abs=1)
    # the form is saved again: signing again without --visible uses the kept place
    workspace = Workspace.open(folder)
    workspace.remove_file(entry.files[0].id, save=False)
    workspace.add_file("to-khai", make_pdf(tmp_path / "Tờ khai mới.pdf", pages=2))
    code = _run(sign, monkeypatch, P12_PASSWORD + "\n")
    captured = capsys.readouterr()
    assert code == 0, captured.err
    output = Path(captured.out.strip())
    assert "mới" in output.name
    [(page, rect)] = _signature_rects(output)
    assert page == 0 and rect == pytest.approx((300, 500, 520, 570), abs=1)


def test_sign_a_dossier_refuses_what_export_would_merge(pki, tmp_path, monkeypatch, capsys):
    from dossier import Workspace

    folder = tmp_path / "hs"
    workspace = Workspace.create(folder, "1.001193", component_ids=["to-khai"])
    workspace.add_file("to-khai", make_pdf(tmp_path / "phần 1.pdf"), save=False)
    workspace.add_file("to-khai", make_pdf(tmp_path / "phần 2.pdf"))
    code = _run(["sign", "--dossier", str(folder), "--p12", str(pki.p12("signer")),
                 "--password-stdin"], monkeypatch, P12_PASSWORD + "\n")  # fmt: skip
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "phần 1.pdf" in captured.err and "gộp" in captured.err
    assert not any(f.signed for f in Workspace.open(folder).dossier.component("to-khai").files)
    code = _run(["sign", "--dossier", str(folder), str(tmp_path / "phần 1.pdf"), "--p12",
                 str(pki.p12("signer"))], monkeypatch)  # fmt: skip
    assert code != 0 and "--dossier" in capsys.readouterr().err
