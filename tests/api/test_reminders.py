"""The reminders feed: a calendar a standard parser reads, behind its own revocable key."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient
from icalendar import Calendar

from tests.auth import sign_up


def feed_key(client: TestClient, headers: dict[str, str]) -> str:
    url = client.get("/api/v1/account", headers=headers).json()["reminders_url"]
    return str(parse_qs(urlsplit(url).query)["key"][0])


def test_the_feed_has_a_daily_morning_and_evening_event_with_alarms(client: TestClient) -> None:
    headers = sign_up(client, username="ics.reader")
    settings = {"timezone": "Europe/Berlin", "morning_time": "06:45", "evening_time": "22:10"}
    assert client.patch("/api/v1/account", json=settings, headers=headers).status_code == 200

    response = client.get("/api/v1/reminders.ics", params={"key": feed_key(client, headers)})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Squeeze: morning routine", "Squeeze: evening routine"}
    for summary, clock in (
        ("Squeeze: morning routine", "06:45"),
        ("Squeeze: evening routine", "22:10"),
    ):
        event = events[summary]
        start = event.decoded("DTSTART")
        assert start.strftime("%H:%M") == clock
        assert str(start.tzinfo) == "Europe/Berlin"
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert "RRULE:FREQ=DAILY" in event.to_ical().decode()
        [alarm] = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(0)


def test_the_evening_event_keeps_its_wall_clock_time_across_daylight_saving(
    client: TestClient,
) -> None:
    headers = sign_up(client, username="dst.sleeper")
    client.patch("/api/v1/account", json={"timezone": "America/New_York"}, headers=headers)
    calendar = Calendar.from_ical(
        client.get("/api/v1/reminders.ics", params={"key": feed_key(client, headers)}).content
    )
    [timezone] = calendar.walk("VTIMEZONE")
    names = {str(part["TZNAME"]) for part in timezone.walk() if "TZNAME" in part}
    assert {"EST", "EDT"} <= names  # the feed carries both offsets, not a frozen one


def test_an_unknown_key_answers_a_404_problem(client: TestClient) -> None:
    response = client.get("/api/v1/reminders.ics", params={"key": "not-a-real-key"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_after_rotation_the_old_key_stops_working_and_the_new_one_works(
    client: TestClient,
) -> None:
    headers = sign_up(client, username="key.rotator")
    old = feed_key(client, headers)
    assert client.get("/api/v1/reminders.ics", params={"key": old}).status_code == 200

    rotated = client.post("/api/v1/account/reminders-key", headers=headers)
    assert rotated.status_code == 200
    new = feed_key(client, headers)

    assert new != old
    assert client.get("/api/v1/reminders.ics", params={"key": old}).status_code == 404
    assert client.get("/api/v1/reminders.ics", params={"key": new}).status_code == 200


def test_one_accounts_key_never_shows_another_accounts_times(client: TestClient) -> None:
    early = sign_up(client, username="early.bird")
    late = sign_up(client, username="night.owl")
    client.patch("/api/v1/account", json={"morning_time": "05:00"}, headers=early)
    client.patch("/api/v1/account", json={"morning_time": "10:00"}, headers=late)
    calendar = Calendar.from_ical(
        client.get("/api/v1/reminders.ics", params={"key": feed_key(client, late)}).content
    )
    starts = sorted(e.decoded("DTSTART").strftime("%H:%M") for e in calendar.walk("VEVENT"))
    assert starts == ["10:00", "21:30"]
