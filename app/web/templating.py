"""The one Jinja2 environment of every HTML screen, with the globals its templates use."""

from fastapi.templating import Jinja2Templates

from app.core.config import PROJECT_ROOT
from app.schemas.routines import progression_out

templates = Jinja2Templates(directory=PROJECT_ROOT / "app" / "templates")

# Any page that shows a routine can include `_make_your_own.html`, which asks for this.
templates.env.globals["bridge_level"] = progression_out
