"""Walk the questions in a real browser, as a visitor would."""

STEPS = [("danger", "yes"), ("urgent", None), ("who", "child"), ("what", "fake"),
         ("where", "GB-EAW"), ("need", "everything")]


def walk(page, base, lang="en", visit=None):
    """Answer every question by clicking; call visit(page, step) on each page, then results."""
    page.goto(f"{base}/{lang}/questions")
    for step, value in STEPS:
        if visit:
            visit(page, step)
        if step == "where":
            page.select_option("select[name=where]", value)
        elif value:
            page.check(f"#{step}-{value}")
        with page.expect_navigation(wait_until="load"):   # the next page, styled
            page.click("button[name=nav][value=next]")
    if visit:
        visit(page, "results")
    return page
