"""The newsroom page at /: a static page over the JSON API, with no build step and no CDN."""
from flask import Blueprint, current_app

blp = Blueprint("pages", __name__)


@blp.get("/")
def home():
    return current_app.send_static_file("index.html")
