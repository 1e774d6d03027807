"""A PEP 517 build backend for the hearsay package that needs no other
package: it writes a pure-Python wheel (hearsay/*.py and the .dist-info
files) with the standard library, so `pip install ./python` works offline,
where setuptools cannot be downloaded into pip's isolated build
environment.

The wheel also records where the shared library was found at build time
(hearsay/_config.py, LIBDIR): $HEARSAY_LIBRARY's directory, else the libdir
of hearsay.pc (`pkg-config --variable=libdir hearsay`), else nothing.
"""

import base64
import hashlib
import io
import os
import subprocess
import tarfile
import zipfile

NAME = "hearsay"
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _version():
    with open(os.path.join(HERE, "pyproject.toml"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("version"):
                return line.split("=", 1)[1].strip().strip('"')
    raise RuntimeError("no version in pyproject.toml")


VERSION = _version()
DIST_INFO = "%s-%s.dist-info" % (NAME, VERSION)
TAG = "py3-none-any"
METADATA = """Metadata-Version: 2.1
Name: hearsay
Version: {v}
Summary: Passages reused between news articles (Python bindings of libhearsay)
Requires-Python: >=3.9
Requires-Dist: cffi
Provides-Extra: pandas
Requires-Dist: pandas; extra == "pandas"

Python bindings of libhearsay; see docs/python.md.
""".format(v=VERSION)
WHEEL = """Wheel-Version: 1.0
Generator: hearsay_build
Root-Is-Purelib: true
Tag: {t}
""".format(t=TAG)


def _libdir():
    env = os.environ.get("HEARSAY_LIBRARY")
    if env:
        return os.path.dirname(os.path.abspath(env))
    try:
        r = subprocess.run(["pkg-config", "--variable=libdir", NAME],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    d = r.stdout.decode().strip()
    sysroot = os.environ.get("PKG_CONFIG_SYSROOT_DIR", "")
    if r.returncode == 0 and d:
        # pkgconf prefixes variables with the sysroot itself; others do not
        if sysroot and not d.startswith(sysroot):
            d = sysroot.rstrip("/") + d
        return d
    return None


def _files():
    """(archive name, bytes) of the package."""
    pkg = os.path.join(HERE, NAME)
    out = []
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py") and name != "_config.py":
            with open(os.path.join(pkg, name), "rb") as f:
                out.append(("%s/%s" % (NAME, name), f.read()))
    libdir = _libdir()
    out.append(("%s/_config.py" % NAME,
                ("# Written when the package was built.\nLIBDIR = %r\n" %
                 libdir).encode()))
    return out


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest())
    return "%s,sha256=%s,%d" % (name, digest.rstrip(b"=").decode(), len(data))


def _write_wheel(directory, files):
    wheel = "%s-%s-%s.whl" % (NAME, VERSION, TAG)
    files = files + [("%s/METADATA" % DIST_INFO, METADATA.encode()),
                     ("%s/WHEEL" % DIST_INFO, WHEEL.encode()),
                     ("%s/top_level.txt" % DIST_INFO, (NAME + "\n").encode())]
    record = [_record_line(n, d) for n, d in files]
    record.append("%s/RECORD,," % DIST_INFO)
    files.append(("%s/RECORD" % DIST_INFO, ("\n".join(record) + "\n").encode()))
    with zipfile.ZipFile(os.path.join(directory, wheel), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, d)
    return wheel


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    d = os.path.join(metadata_directory, DIST_INFO)
    os.makedirs(d, exist_ok=True)
    for name, text in (("METADATA", METADATA), ("WHEEL", WHEEL),
                       ("top_level.txt", NAME + "\n")):
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(text)
    return DIST_INFO


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, _files())


def build_editable(wheel_directory, config_settings=None,
                   metadata_directory=None):
    # A .pth file that puts this source tree on sys.path.
    return _write_wheel(wheel_directory,
                        [("%s.pth" % NAME, (HERE + "\n").encode())])


def build_sdist(sdist_directory, config_settings=None):
    base = "%s-%s" % (NAME, VERSION)
    name = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as t:
        for rel in ["pyproject.toml", "_build/hearsay_build.py"] + [
                "%s/%s" % (NAME, f) for f in sorted(os.listdir(
                    os.path.join(HERE, NAME))) if f.endswith(".py") and
                f != "_config.py"]:
            t.add(os.path.join(HERE, rel), arcname="%s/%s" % (base, rel))
        data = METADATA.encode()
        info = tarfile.TarInfo("%s/PKG-INFO" % base)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    return name
