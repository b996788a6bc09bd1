"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 09:53:02.265447
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import context, op
from alembic.util import CommandError

from app.models import UTCDateTime

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('timezone', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('morning_time', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('evening_time', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('daily_goal', sa.Integer(), nullable=False),
    sa.Column('phase', sa.Integer(), nullable=False),
    sa.Column('reminders_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reminders_key'),
    sa.UniqueConstraint('username')
    )
    op.create_table('login_throttle',
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('window_started_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('username')
    )
    op.create_table('completion',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('routine', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('routine_version', sa.Integer(), nullable=False),
    sa.Column('started_at', UTCDateTime(), nullable=False),
    sa.Column('finished_at', UTCDateTime(), nullable=False),
    sa.Column('timezone', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('steps_done', sa.Integer(), nullable=False),
    sa.Column('steps_total', sa.Integer(), nullable=False),
    sa.Column('pain_before', sa.Integer(), nullable=True),
    sa.Column('pain_after', sa.Integer(), nullable=True),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('modified_at', UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('received_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', 'id')
    )
    with op.batch_alter_table('completion', schema=None) as batch_op:
        batch_op.create_index('ix_completion_account_local_date', ['account_id', 'local_date'], unique=False)
        batch_op.create_index('ix_completion_account_seq', ['account_id', 'seq'], unique=True)

    op.create_table('custom_routine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('slot', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('phase', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('account_id', 'slug')
    )
    with op.batch_alter_table('custom_routine', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custom_routine_account_id'), ['account_id'], unique=False)

    op.create_table('device_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('device_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('last_used_at', UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('device_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_device_token_account_id'), ['account_id'], unique=False)

    op.create_table('routine_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('routine_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['routine_id'], ['custom_routine.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('routine_id', 'version')
    )
    with op.batch_alter_table('routine_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routine_version_routine_id'), ['routine_id'], unique=False)



FORCE = "allow_data_loss=true"


def _refuse_to_drop_runs() -> None:
    """Stops a downgrade that would delete stored runs, unless told `-x allow_data_loss=true`
    (or, from Python, config.attributes["allow_data_loss"] = True)."""
    runs = op.get_bind().execute(sa.text("SELECT count(*) FROM completion")).scalar_one()
    forced = (
        context.get_x_argument(as_dictionary=True).get("allow_data_loss", "").lower() == "true"
        or context.config.attributes.get("allow_data_loss") is True
    )
    if runs and not forced:
        raise CommandError(
            f"Refusing to downgrade: it drops every table, and this database holds {runs} runs "
            f"that would be lost. Back them up first (make backup); to downgrade anyway, add "
            f"-x {FORCE} to the command, as in: alembic -x {FORCE} downgrade -1"
        )


def downgrade() -> None:
    _refuse_to_drop_runs()
    with op.batch_alter_table('routine_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routine_version_routine_id'))

    op.drop_table('routine_version')
    with op.batch_alter_table('device_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_device_token_account_id'))

    op.drop_table('device_token')
    with op.batch_alter_table('custom_routine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custom_routine_account_id'))

    op.drop_table('custom_routine')
    with op.batch_alter_table('completion', schema=None) as batch_op:
        batch_op.drop_index('ix_completion_account_seq')
        batch_op.drop_index('ix_completion_account_local_date')

    op.drop_table('completion')
    op.drop_table('login_throttle')
    op.drop_table('account')
