"""A real S3-compatible server for tests: moto's standalone server (``python -m moto.server``)
as a child process on a free loopback port, with a fresh bucket per test.

In a test module::

    from .s3_server import s3_bucket, s3_server

    __all__ = ["s3_bucket", "s3_server"]
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from .sync_harness import free_port

# moto accepts any credentials; the server processes the tests start take these from the environment
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "veldwerk-test",
    "AWS_SECRET_ACCESS_KEY": "veldwerk-test-secret",
    "AWS_DEFAULT_REGION": "eu-west-1",
}


@dataclass
class S3Server:
    endpoint: str
    proc: subprocess.Popen[bytes]

    def client(self) -> Any:
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, **_boto_credentials())


@dataclass
class Bucket:
    server: S3Server
    name: str

    @property
    def url(self) -> str:
        return f"s3://{self.name}/office"

    def objects(self) -> dict[str, bytes]:
        """Every object of the bucket, key to bytes."""
        client = self.server.client()
        found: dict[str, bytes] = {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=self.name):
            for obj in page.get("Contents", []):
                found[obj["Key"]] = client.get_object(Bucket=self.name, Key=obj["Key"])["Body"].read()
        return found


def _boto_credentials() -> dict[str, str]:
    return {
        "aws_access_key_id": CREDENTIALS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        "region_name": CREDENTIALS["AWS_DEFAULT_REGION"],
    }


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    try:
        import moto.server  # noqa: F401
    except ImportError:
        missing = "moto[server] is not installed (pip install -e '.[test]' brings it)"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; CI must install it", pytrace=False)
        pytest.skip(missing)
    port = free_port()
    log = tmp_path_factory.mktemp("s3") / "moto.log"
    with Path(log).open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **CREDENTIALS},
        )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                httpx.get(endpoint + "/moto-api/", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto did not start: {log.read_text()[-2000:]}") from None
                time.sleep(0.1)
        yield S3Server(endpoint, proc)
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def s3_bucket(s3_server: S3Server, monkeypatch: pytest.MonkeyPatch) -> Bucket:
    """A new bucket, and the credentials in the environment the server processes inherit."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    bucket = Bucket(s3_server, f"veldwerk-{uuid.uuid4().hex[:12]}")
    s3_server.client().create_bucket(
        Bucket=bucket.name, CreateBucketConfiguration={"LocationConstraint": CREDENTIALS["AWS_DEFAULT_REGION"]}
    )
    return bucket
