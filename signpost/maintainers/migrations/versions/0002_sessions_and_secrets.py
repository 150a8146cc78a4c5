"""Sessions that can be ended, TOTP codes used once, and room for encrypted secrets.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("session_epoch", sa.Integer, nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("last_totp_step", sa.Integer))
        batch.alter_column("totp_secret", type_=sa.String(255), existing_type=sa.String(64))


def downgrade():
    with op.batch_alter_table("account") as batch:
        batch.drop_column("last_totp_step")
        batch.drop_column("session_epoch")
