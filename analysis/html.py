"""HTML building blocks for the brief: escaped text, tables, embedded figures.

Every figure is embedded as a base64 PNG and the style sheet is inlined, so
the page is one file that opens without a network.
"""
import base64
import html
from pathlib import Path

CSS = (Path(__file__).parent / "brief.css").read_text(encoding="utf-8")


def text(value):
    return html.escape(str(value), quote=True)


def paragraph(value, cls=None):
    return f'<p{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}>{text(value)}</p>'


def image(png, alt, element_id=None, caption=None):
    data = base64.b64encode(png).decode("ascii")
    id_attr = f' id="{text(element_id)}"' if element_id else ""
    cap = f"<figcaption>{text(caption)}</figcaption>" if caption else ""
    return (f'<figure{id_attr}><img alt="{text(alt)}" src="data:image/png;base64,{data}">'
            f"{cap}</figure>")


def table(headers, rows, numeric=()):
    """An HTML table; columns whose index is in `numeric` are right-aligned."""
    head = "".join(f'<th{" class=num" if i in numeric else ""}>{text(h)}</th>'
                   for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f'<td{" class=num" if i in numeric else ""}>{text(c)}</td>'
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def section(element_id, title, body):
    return f'<section id="{text(element_id)}"><h2>{text(title)}</h2>{body}</section>'


def page(title, body):
    # The generator tag tells `detente report` the file is a brief it may replace.
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"generator\" content=\"detente\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{text(title)}</title><style>{CSS}</style></head>"
            f"<body><main>{body}</main></body></html>\n")
