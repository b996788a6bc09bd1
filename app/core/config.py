"""Settings: the only reader of the environment."""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


class Settings(BaseSettings):
    """Everything the server can be configured with, read from the environment or `.env`."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'data' / 'squeeze.db'}"
    max_body_bytes: int = 1024 * 1024
    # POST /api/v1/import alone takes larger bodies: ten years of runs is about 3.7 MB.
    max_import_bytes: int = 16 * 1024 * 1024
    max_import_runs: int = 20_000
    # Accounts made without credentials, per client address within the window, before 429.
    anonymous_signups_per_window: int = 10
    anonymous_signup_window_s: int = 3600
    # Failed sign-ins allowed per username within `login_window_s` before answering 429.
    login_max_failures: int = 5
    login_window_s: int = 300
    # Pool size per app server; keep (servers × pool) under PostgreSQL's max_connections.
    db_pool_size: int = 10
    # How long a request waits for a pooled connection before answering 503.
    db_pool_timeout_s: float = 10.0
    # Argon2id hashes at once per process (64 MiB each): 4 keep a 512 MB container well clear
    # of its limit; the rest wait up to `hash_wait_s`, then answer 503 with Retry-After.
    hash_max_concurrent: int = 4
    hash_wait_s: float = 5.0
    # A device token unused for this long stops working (the device signs in again).
    token_max_idle_days: int = 180
    log_level: str = "info"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
