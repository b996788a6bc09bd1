"""The one Jinja2 environment of every HTML screen, with the globals its templates use."""

from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from app.core.config import PROJECT_ROOT
from app.schemas.routines import progression_out
from app.web.limits import limits, limits_json

templates = Jinja2Templates(directory=PROJECT_ROOT / "app" / "templates")

# Any page that shows a routine can include `_make_your_own.html`, which asks for this.
templates.env.globals["bridge_level"] = progression_out
# Forms write their bounds as `{{ limits.x }}`; base.html hands `limits_json` to the scripts.
templates.env.globals["limits"] = limits()
# Safe as it stands: JSON with `<` escaped cannot end the <script> element it sits in.
templates.env.globals["limits_json"] = Markup(limits_json())  # noqa: S704
