"""The build backend of msgrkit's sdist: maturin's, after checking that Rust is there.

Without cargo, maturin would try to download a Rust toolchain during `pip install`;
on a machine without one (or without network) that fails with a message about a
missing package. This says what is needed instead, before anything is fetched.
"""

import os
import shutil
from typing import Any, Dict, List, Optional

import maturin

MESSAGE = (
    "msgrkit: building from the source distribution needs a Rust toolchain (cargo, "
    "Rust 1.88 or newer), and none was found on PATH. Install Rust with rustup, or "
    "install a prebuilt wheel instead (x86_64 Linux, glibc 2.17 or newer: the file "
    "msgrkit-VERSION-cp39-abi3-manylinux_2_17_x86_64.whl, which needs no Rust)."
)

Settings = Optional[Dict[str, Any]]


def _require_cargo() -> None:
    cargo_home = os.environ.get("CARGO_HOME", os.path.join(os.path.expanduser("~"), ".cargo"))
    if shutil.which("cargo") is None and not os.path.exists(os.path.join(cargo_home, "bin", "cargo")):
        raise SystemExit(MESSAGE)


def get_requires_for_build_wheel(config_settings: Settings = None) -> List[str]:
    _require_cargo()
    return list(maturin.get_requires_for_build_wheel(config_settings))


def get_requires_for_build_sdist(config_settings: Settings = None) -> List[str]:
    return list(maturin.get_requires_for_build_sdist(config_settings))


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Settings = None) -> str:
    _require_cargo()
    return str(maturin.prepare_metadata_for_build_wheel(metadata_directory, config_settings))


def build_wheel(wheel_directory: str, config_settings: Settings = None, metadata_directory: Optional[str] = None) -> str:
    _require_cargo()
    return str(maturin.build_wheel(wheel_directory, config_settings, metadata_directory))


def build_editable(wheel_directory: str, config_settings: Settings = None, metadata_directory: Optional[str] = None) -> str:
    _require_cargo()
    return str(maturin.build_editable(wheel_directory, config_settings, metadata_directory))


def build_sdist(sdist_directory: str, config_settings: Settings = None) -> str:
    return str(maturin.build_sdist(sdist_directory, config_settings))
