"""anonymous accounts, recovery codes, share links, weaker side and shared notes

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 22:10:00

`cursor_secret` starts as each existing account's password hash, which is what its cursors were
signed with until now, so no device's sync cursor breaks on upgrade.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import context, op
from alembic.util import CommandError

from app.models import UTCDateTime

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_text = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "signup_throttle",
        sa.Column("address", _text(length=64), nullable=False),
        sa.Column("signups", sa.Integer(), nullable=False),
        sa.Column("window_started_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("address"),
    )
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("cursor_secret", _text(length=255), nullable=True))
        batch.add_column(sa.Column("recovery_hash", _text(length=64), nullable=True))
        batch.add_column(sa.Column("share_key", _text(length=64), nullable=True))
    op.execute("UPDATE account SET cursor_secret = password_hash")
    with op.batch_alter_table("account") as batch:
        batch.alter_column("cursor_secret", existing_type=_text(length=255), nullable=False)
        batch.alter_column("username", existing_type=_text(length=40), nullable=True)
        batch.alter_column("password_hash", existing_type=_text(length=255), nullable=True)
        batch.create_unique_constraint("uq_account_share_key", ["share_key"])
    with op.batch_alter_table("completion") as batch:
        batch.add_column(sa.Column("weaker_side", sa.String(length=5), nullable=True))
        batch.add_column(
            sa.Column("share_note", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def _refuse_to_drop_anonymous_runs() -> None:
    """Stops a downgrade that would delete the runs of accounts without a name, unless told
    `-x allow_data_loss=true` (or config.attributes["allow_data_loss"] = True), as 0001 does."""
    runs = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT count(*) FROM completion JOIN account ON account.id = completion.account_id"
                " WHERE account.username IS NULL OR account.password_hash IS NULL"
            )
        )
        .scalar_one()
    )
    forced = (
        context.get_x_argument(as_dictionary=True).get("allow_data_loss", "").lower() == "true"
        or context.config.attributes.get("allow_data_loss") is True
    )
    if runs and not forced:
        raise CommandError(
            f"Refusing to downgrade: the old schema has no accounts without a name, and those"
            f" hold {runs} runs that would be lost. Back them up first (make backup); to"
            f" downgrade anyway: alembic -x allow_data_loss=true downgrade -1"
        )


def downgrade() -> None:
    _refuse_to_drop_anonymous_runs()
    # The old schema has no room for an account without a name: those go, with their runs.
    op.execute("DELETE FROM account WHERE username IS NULL OR password_hash IS NULL")
    with op.batch_alter_table("completion") as batch:
        batch.drop_column("share_note")
        batch.drop_column("weaker_side")
    with op.batch_alter_table("account") as batch:
        batch.drop_constraint("uq_account_share_key", type_="unique")
        batch.alter_column("password_hash", existing_type=_text(length=255), nullable=False)
        batch.alter_column("username", existing_type=_text(length=40), nullable=False)
        batch.drop_column("share_key")
        batch.drop_column("recovery_hash")
        batch.drop_column("cursor_secret")
    op.drop_table("signup_throttle")
