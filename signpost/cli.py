"""Maintenance commands: `flask --app signpost content …`."""
import sys
from collections import defaultdict

import click
from flask import current_app
from flask.cli import AppGroup

from . import prerendered
from .content import index
from .content.loader import ContentError, load, load_valid

content_cli = AppGroup("content", help="Check and build the listings and jurisdiction facts.")


def _echo_problems(problems):
    for problem in problems:
        click.echo(str(problem), err=True)


@content_cli.command("check")
def check():
    """Check every content file; exit 1 if anything is wrong."""
    content, problems = load(current_app.config["CONTENT_DIR"])
    _echo_problems(problems)
    errors = [p for p in problems if p.is_error]
    click.echo(f"{len(content.jurisdictions)} jurisdictions, {len(content.listings)} listings: "
               f"{len(errors)} errors, {len(problems) - len(errors)} warnings")
    sys.exit(1 if errors else 0)


@content_cli.command("build")
@click.option("--no-pages", "render_pages", flag_value=False, default=True,
              help="Do not render the pages and cards ahead of time.")
def build(render_pages):
    """Check the content and write it to the database; the old one stays if it fails."""
    try:
        content = index.build(current_app.config["CONTENT_DIR"],
                              current_app.config["DATABASE_URL"])
    except ContentError as error:
        _echo_problems(error.problems)
        click.echo("Not built: the database still holds the last good content.", err=True)
        sys.exit(1)
    click.echo(f"Built {len(content.jurisdictions)} jurisdictions and "
               f"{len(content.listings)} listings.")
    path = current_app.extensions["pages_path"]
    if path and render_pages:
        pages, cards, fragments = prerendered.save(current_app._get_current_object(), path)
        click.echo(f"Rendered {pages} pages, {cards} listing cards and {fragments} fragments "
                   f"into {path}.")


@content_cli.command("coverage")
@click.option("--missing-only", is_flag=True, help="Only list what is missing.")
def coverage(missing_only):
    """For each jurisdiction: which kinds of route are present, absent (sourced) or missing."""
    from .content.coverage import report
    content, problems = load(current_app.config["CONTENT_DIR"])
    total_missing = 0
    for entry in report(content):
        indent = "  " if "-" in entry.code else ""
        total_missing += len(entry.missing)
        if missing_only and not entry.missing:
            continue
        click.echo(f"{indent}{entry.code}")
        if not missing_only:
            present = ", ".join(f"{kind} ({len(ids)})" for kind, ids in entry.present.items())
            click.echo(f"{indent}  present: {present or '-'}")
            for kind, absence in entry.none.items():
                click.echo(f"{indent}  none exists: {kind} (source: {absence.source})")
            if entry.inherited:
                click.echo(f"{indent}  from its country: {', '.join(entry.inherited)}")
        click.echo(f"{indent}  missing: {', '.join(entry.missing) or '-'}")
    click.echo(f"{total_missing} missing routes in {len(content.jurisdictions)} jurisdictions.")
    from .content import translations
    shares = translations.coverage(translations.beside(current_app.config["CONTENT_DIR"]))
    if shares:
        click.echo("Content translated: " + ", ".join(
            f"{locale} {done * 100 // max(total, 1)}% ({done}/{total})"
            for locale, (done, total) in sorted(shares.items())))


@content_cli.command("extract")
def extract():
    """Put the content's texts in translations/content/: content.pot, and every language's
    catalogue brought in step (a changed English marks its translation fuzzy)."""
    from .content import translations
    content = load_valid(current_app.config["CONTENT_DIR"], translate=False)
    directory = translations.beside(current_app.config["CONTENT_DIR"])
    directory.mkdir(parents=True, exist_ok=True)
    source = translations.template(content.documents)
    translations.write(directory / "content.pot", source)
    for code, site_locale in current_app.extensions["locales"].items():
        if code == current_app.config["DEFAULT_LOCALE"]:
            continue
        locale = site_locale.babel_id
        path = translations.catalogue_path(directory, locale)
        old = translations.read(path, locale) if path.exists() else translations.Catalog(
            locale=locale, domain=translations.DOMAIN)
        translations.write(path, translations.update(
            old, translations.template(content.documents, locale)))
    click.echo(f"{len(source)} texts in {directory}")


@content_cli.command("links")
@click.option("--workers", default=8, show_default=True, help="Checks at once.")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds per address.")
def links(workers, timeout):
    """Check every web address: dead, moved, not https. Always exits 0."""
    from .content.links import check_all
    content, _ = load(current_app.config["CONTENT_DIR"])
    findings = check_all(content, workers=workers, timeout=timeout)
    counts = defaultdict(int)
    for finding in findings:
        counts[finding.status] += 1
        if finding.status != "ok":
            click.echo(f"{finding.status}: {finding.url} ({finding.detail}) "
                       f"used by {', '.join(finding.where)}")
    click.echo(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no links")


@content_cli.command("verify")
@click.option("--workers", default=8, show_default=True, help="Pages read at once.")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds per page.")
@click.option("--json", "as_json", is_flag=True, help="The report as JSON.")
@click.option("--save", is_flag=True,
              help="Also keep the report for the maintainers' dashboard (SIGNPOST_VERIFY_REPORT).")
def verify(workers, timeout, as_json, save):
    """Read every source page again: report numbers and domains no longer on it. Exits 0."""
    import json

    from .content import verify_report
    from .content.verify import report, verify as read_again
    content, _ = load(current_app.config["CONTENT_DIR"])
    result = report(read_again(content, workers=workers, timeout=timeout))
    if save:
        verify_report.save(result, current_app.config["VERIFY_REPORT"])
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for code, by_maintainer in result["jurisdictions"].items():
        click.echo(code)
        for maintainer, items in sorted(by_maintainer.items()):
            click.echo(f"  {maintainer}")
            for item in items:
                click.echo(f"    {item['where']}: {item['kind']} {item['value']} "
                           f"{item['status']}: {item['detail']}")
    click.echo(f"{result['checked']} facts: {result['found']} found on their source, "
               f"{result['missing']} missing, {result['unreadable']} on pages that could not "
               "be read")


@content_cli.command("stale")
@click.option("--days", default=365, show_default=True, help="Flag facts older than this.")
def stale(days):
    """Facts not checked for DAYS days, or whose source page is dated over 3 years ago."""
    from datetime import date, timedelta

    from .content.rules import OLD_SOURCE_YEARS, old_sources
    content, _ = load(current_app.config["CONTENT_DIR"])
    cutoff = date.today() - timedelta(days=days)
    found = defaultdict(lambda: defaultdict(list))
    for item in content.listings.values():
        if item.assured_date < cutoff:
            found[item.service_areas[0]][item.maintainer or "no maintainer yet"].append(
                f"{item.id} (checked {item.assured_date})")
    for j in content.jurisdictions.values():
        for name in ("emergency", "compensation", "law"):
            block = getattr(j, name)
            if block is not None and block.assured_date < cutoff:
                found[j.code]["jurisdiction facts"].append(
                    f"{name} (checked {block.assured_date})")
    for code, maintainer, old in old_sources(content, date.today()):
        found[code][maintainer].append(
            f"{old.where}: its source page is dated {old.source_date}, more than "
            f"{OLD_SOURCE_YEARS} years ago: look for a newer one ({old.source})")
    for code in sorted(found):
        click.echo(code)
        for maintainer in sorted(found[code]):
            click.echo(f"  {maintainer}")
            for line in found[code][maintainer]:
                click.echo(f"    {line}")
    if not found:
        click.echo(f"Nothing older than {days} days, and no source page older than "
                   f"{OLD_SOURCE_YEARS} years.")


@content_cli.command("export")
@click.option("--format", "format_", type=click.Choice(["hsds"]), default="hsds",
              show_default=True, help="Open Referral HSDS 3.0.")
@click.argument("out_dir", type=click.Path(file_okay=False))
def export(format_, out_dir):
    """Write the checked content to OUT_DIR as organizations.json and services.json."""
    from .content import hsds
    try:
        content = load_valid(current_app.config["CONTENT_DIR"])
    except ContentError as error:
        _echo_problems(error.problems)
        click.echo("Not exported: fix the content first.", err=True)
        sys.exit(1)
    feed = hsds.write_export(content, out_dir)
    click.echo(f"Wrote {len(feed['organizations'])} organizations and "
               f"{len(feed['services'])} services to {out_dir}.")


@content_cli.command("import")
@click.option("--format", "format_", type=click.Choice(["hsds"]), default="hsds",
              show_default=True, help="Open Referral HSDS 3.0 services (JSON).")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_(format_, file):
    """Turn each service in FILE into a draft under content/drafts/ for a person to check.

    Nothing is written when any record is invalid."""
    from pathlib import Path

    from .content import hsds
    drafts = Path(current_app.config["CONTENT_DIR"]) / "drafts"
    result = hsds.import_services(file, drafts_dir=drafts)
    for index, problem in result.problems:
        click.echo(f"{file}: {'file' if index is None else f'record {index}'}: {problem}",
                   err=True)
    if not result.ok:
        click.echo("Nothing imported: fix the file first.", err=True)
        sys.exit(1)
    for path in result.written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(result.written)} drafts: each needs review (see its notes) before it "
               "moves to content/listings/.")


geo_cli = AppGroup("geo", help="The country look-up data.")


@geo_cli.command("import-dbip")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write it (default: the bundled file).")
def import_dbip(source, output):
    """Convert a DB-IP Lite country .mmdb into the file signpost reads (needs mmdb-writer)."""
    from .config import BUNDLED_GEOIP
    from .geo import convert_dbip
    count = convert_dbip(source, output or BUNDLED_GEOIP)
    click.echo(f"Wrote {count} countries to {output or BUNDLED_GEOIP}.")


maintain_cli = AppGroup("maintain", help="Accounts for the maintainers' area.")


@maintain_cli.command("create-account")
@click.argument("username")
@click.option("--role", type=click.Choice(["editor", "reviewer", "admin"]), required=True)
@click.option("--organisation", required=True)
@click.option("--scope", "scopes", multiple=True, help="A listing id or jurisdiction code.")
@click.option("--public-name", default=None, help="Shown in public change logs, if wanted.")
@click.option("--totp", is_flag=True, help="Set up a second factor and print its secret.")
@click.password_option(help="At least 12 characters.")
def create_account(username, role, organisation, scopes, public_name, totp, password):
    """Create a maintainer account (the first administrator, for example)."""
    from .maintainers import accounts
    if "maintain_sessions" not in current_app.extensions:
        raise click.ClickException("the maintainers' area is off: set SIGNPOST_MAINTAIN=1 "
                                   "and SIGNPOST_SECRET_KEY")
    with current_app.extensions["maintain_sessions"]() as session:
        try:
            account = accounts.create(session, username, password, role, organisation, scopes,
                                      public_name, totp)
        except ValueError as error:
            raise click.ClickException(str(error))
        click.echo(f"Created {account.username} ({role}, {organisation}).")
        if account.new_totp_secret:
            click.echo("Second-factor secret for an authenticator app: "
                       f"{account.new_totp_secret}")


export_cli = AppGroup("export", help="Copies of the site for serving without signpost.")


@export_cli.command("static")
@click.argument("target", type=click.Path(file_okay=False))
def export_static(target):
    """Write every page that depends only on its URL, in every language, with the JSON
    API and the HSDS feeds, into TARGET (deploy/nginx-static.conf serves it)."""
    from . import mirror
    try:
        written, skipped = mirror.export(current_app._get_current_object(), target)
    except index.DatabaseError as error:
        raise click.ClickException(str(error))
    click.echo(f"Wrote {written} pages to {target}.")
    for path, status in skipped:
        click.echo(f"  not written: {path} (status {status})")


def register(app):
    app.cli.add_command(export_cli)
    app.cli.add_command(content_cli)
    app.cli.add_command(geo_cli)
    app.cli.add_command(maintain_cli)
