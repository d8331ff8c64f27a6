"""Platform policies in the rules (link:, per_platform), the draft's language (language:, stats,
not_checked), and the accessibility and disclosure checks, as a client of the service sees them."""
from __future__ import annotations

import pytest

from rules import RulesError, load_pack
from rules.measuring.accessibility import camel_case, words_of
from rules.measuring.language import detect
from rules.measuring.tokens import tokenize
from tests.conftest import rule_named

META_PROMOTIONS = "https://www.facebook.com/policies_center/pages_groups_events/"
X_CONTESTS = "https://help.x.com/en/rules-and-policies/x-contest-rules"
FACEBOOK_2017 = "https://about.fb.com/news/2017/12/news-feed-fyi-fighting-engagement-bait-on-facebook/"
LINKEDIN = "https://www.linkedin.com/legal/professional-community-policies"


def finding(answer: dict, rule: str) -> dict:
    found = [f for f in answer["findings"] if f["rule"] == rule]
    assert found, f"{rule} did not fire: {answer['findings']}"
    return found[0]


@pytest.mark.parametrize(("text", "platform", "severity", "link"), [
    ("Share this on your timeline to enter!", "facebook", "error", META_PROMOTIONS),
    ("Post it on a friend's timeline for two extra entries", "facebook", "error", META_PROMOTIONS),
    ("Tag your friends to enter our giveaway", "instagram", "error", "https://help.instagram.com/179379842258600"),
    ("RT and follow to win a signed shirt", "x", "warning", X_CONTESTS),
    ("RT and follow to win a signed shirt", "generic", "error", None),
])
def test_rewards_for_sharing_have_each_platforms_severity_and_policy(lint, text, platform, severity, link):
    found = finding(lint(text, platform=platform), "reward-for-sharing")
    assert (found["severity"], found["link"]) == (severity, link)


def test_a_prize_for_posting_the_most_is_an_error_on_x_too(lint):
    found = finding(lint("Whoever reposts this the most wins a signed shirt", platform="x"), "repeat-posting-incentive")
    assert (found["severity"], found["link"]) == ("error", X_CONTESTS)


@pytest.mark.parametrize(("platform", "link"), [("facebook", FACEBOOK_2017), ("generic", FACEBOOK_2017),
                                                ("linkedin", LINKEDIN)])
def test_engagement_bait_links_the_policy_of_its_platform(lint, platform, link):
    found = finding(lint("Like this post if you agree, comment YES", platform=platform), "engagement-bait")
    assert (found["severity"], found["link"]) == ("warning", link)


def test_a_rule_without_a_policy_has_a_null_link(lint):
    assert finding(lint("Hurry, today only!"), "urgency-pressure")["link"] is None


def test_exit_status_follows_the_platforms_severity(tmp_path):
    from cli.main import main
    drafts = tmp_path / "drafts.txt"
    drafts.write_text("RT and follow to win a signed shirt\n", encoding="utf-8")
    assert main(["lint", str(drafts), "--platform", "x"]) == 0  # a warning there
    assert main(["lint", str(drafts), "--platform", "facebook"]) == 1


def test_the_rules_listing_carries_links_platforms_and_languages(client):
    from tests.conftest import EXTENSION_ORIGIN
    listed = {r["id"]: r for r in client.get("/v1/rules", headers={"Origin": EXTENSION_ORIGIN}).get_json()["rules"]}
    assert listed["reward-for-sharing"]["per_platform"]["x"] == {"severity": "warning", "link": X_CONTESTS}
    assert listed["engagement-bait"]["link"] == FACEBOOK_2017
    assert listed["reward-for-sharing"]["languages"] == ["en"] and listed["over-length-limit"]["languages"] == []


# ------------------------------------------------------------------ languages

@pytest.mark.parametrize(("text", "language"), [
    ("Thanks so much for coming in yesterday, see you soon!", "en"),
    ("¡Hola a todos! Gracias por venir a la tienda ayer, nos vemos pronto.", "es"),
    ("Vielen Dank für euren Besuch gestern, bis bald!", "de"),
    ("Merci beaucoup pour votre visite, à bientôt !", "fr"),
    ("Спасибо всем, кто пришёл вчера на открытие", "ru"),
    ("今日はありがとうございました", "ja"),
    ("RT to win!", "und"),  # too short to tell
    ("PSY - GANGNAM STYLE (강남스타일) is the song of the summer, watch it again", "en"),
])
def test_the_language_is_detected(text, language):
    assert detect(text, tokenize(text)) == language


@pytest.mark.parametrize("text", [
    "Comparte esta publicación y etiqueta a dos amigos para ganar un premio de 50 euros",
    "Teilen und gewinnen: markiere zwei Freunde und gewinne einen Gutschein über 50 Euro!",
    # an advert with a link and no question: English rules would call it a notice nobody can answer
    "Wir sind der preisgekrönte Marktführer. Jetzt kaufen, nur heute!!! Besuchen Sie unsere Webseite www.beispiel.de",
])
def test_a_draft_in_another_language_is_not_judged_by_english_rules(lint, text):
    answer = lint(text)
    assert answer["findings"] == []
    assert answer["stats"]["language"] in ("es", "de")
    assert answer["not_checked"] == [{"reason": "language", "language": answer["stats"]["language"],
                                      "rules": answer["not_checked"][0]["rules"]}]
    assert answer["not_checked"][0]["rules"] > 20


def test_rules_of_any_language_still_judge_it(lint):
    answer = lint("Vielen Dank für euren Besuch gestern, bis bald! " * 20, platform="x")
    assert finding(answer, "over-length-limit")["severity"] == "error"


def test_an_english_draft_is_checked_in_full(lint):
    answer = lint("RT to win a £50 voucher for our new cafe!")
    assert answer["not_checked"] == [] and answer["stats"]["language"] in ("en", "und")
    assert finding(answer, "reward-for-sharing")


def test_a_team_rule_can_judge_another_language(rules_file, tmp_path):
    from rules import Linter
    path = rules_file("""\
        version: "t"
        language: es
        rules:
          - id: premio-por-compartir
            category: spammy-incentive
            severity: error
            message: Premios por compartir.
            when: {has: compartir}
            examples:
              flag: ["Comparte esta publicación y etiqueta a dos amigos para ganar"]
              pass: ["Share this post and tag two friends to win"]
        phrases:
          compartir: [comparte, compartir]
        """)
    linter = Linter(load_pack(path))
    try:
        spanish = linter.lint("Comparte esta publicación y etiqueta a dos amigos para ganar")
        assert [f.rule.id for f in spanish.findings] == ["premio-por-compartir"]
        assert linter.lint("Please comparte this with all of your friends and family today").findings == ()
    finally:
        linter.close()


@pytest.mark.parametrize(("snippet", "message"), [
    ("    language: xx\n", "language 'xx' is not one Rapport detects"),
    ("    per_platform: {myspace: {severity: error}}\n", "per_platform: 'myspace' is not among platforms"),
    ("    link: http://example.com/policy\n", "does not match"),
])
def test_bad_policy_fields_are_reported_with_their_rule(rules_file, snippet, message):
    path = rules_file('version: "t"\nrules:\n  - id: shouty\n    category: c\n    severity: warning\n'
                      f'    message: Too loud.\n{snippet}    when: {{exclamations: {{at_least: 3}}}}\n'
                      '    examples: {flag: ["Wow!!!"], pass: ["Wow."]}\n')
    with pytest.raises(RulesError) as raised:
        load_pack(path)
    assert any(message in p.message and p.rule == "shouty" for p in raised.value.problems), raised.value.problems


def test_a_team_override_changes_a_platforms_severity(rules_file, tmp_path):
    from rules import DEFAULT_PACK
    path = rules_file(f"""\
        version: "t"
        extends: {DEFAULT_PACK}
        override:
          reward-for-sharing: {{per_platform: {{x: {{severity: error}}}}}}
        """)
    assert rule_named(load_pack(path), "reward-for-sharing").policy("x") == ("error", None)


# ------------------------------------------------------------------ accessibility

def test_a_run_together_hashtag_gets_its_camel_case_in_one_click(lint):
    text = "Five ideas for a calmer week #socialmediatips"
    found = finding(lint(text), "run-together-hashtag")
    assert text[found["offset"]:found["offset"] + found["length"]] == "#socialmediatips"
    assert found["suggestions"][0]["replacement"] == "#SocialMediaTips"
    assert found["category"] == "accessibility"


@pytest.mark.parametrize(("body", "words"), [
    ("photooftheday", ("photo", "of", "the", "day")),
    ("weekend", ("weekend",)),  # one word stays one
    ("nanowrimo", ("nanowrimo",)),  # not "nano wr imo": no split into rare scraps
])
def test_hashtags_are_split_by_word_frequencies(body, words):
    assert words_of(body) == words


def test_capital_hashtags_and_pseudo_fonts_get_plain_fixes(lint):
    text = "𝗡𝗘𝗪 𝗗𝗥𝗢𝗣 this Friday #NEWDROP"
    answer = lint(text)
    styled = finding(answer, "pseudo-font-letters")
    units = text.encode("utf-16-le")  # offsets count UTF-16 units; the styled letters take two each
    assert units[2 * styled["offset"]:2 * (styled["offset"] + styled["length"])].decode("utf-16-le") == "𝗡𝗘𝗪 𝗗𝗥𝗢𝗣"
    assert styled["suggestions"][0]["replacement"] == "NEW DROP"
    assert finding(answer, "caps-hashtag")["suggestions"][0]["replacement"] == "#NewDrop"
    assert "caps-hashtag" not in {f["rule"] for f in lint("Proud to support the #NHS today")["findings"]}


def test_camel_case_leaves_other_text_alone():
    assert camel_case("#smallbusiness") == "#SmallBusiness"


# ------------------------------------------------------------------ disclosure

@pytest.mark.parametrize(("text", "rule"), [
    ("Loving this serum, use my code GLOW15 for 15% off", "undisclosed-sponsorship"),
    ("Thanks @glowco for sending this over, I love it #skincare", "undisclosed-sponsorship"),
    ("Big thanks to my #partner brand for these trainers #spon", "undisclosed-sponsorship"),
    ("Loving my new trainers, so comfy on long runs #running #fitness #ad #marathon", "hidden-disclosure"),
])
def test_sponsorship_without_a_clear_disclosure_up_front(lint, text, rule):
    assert finding(lint(text), rule)["category"] == "disclosure"


def test_a_disclosure_past_instagrams_fold_is_hidden_there_only(lint):
    text = ("Three weeks with the new trainers and my knees have never been happier. Long runs feel easy, "
            "the grip is great in the rain and they still look new. #ad")
    assert text.index("#ad") > 125
    assert finding(lint(text, platform="instagram"), "hidden-disclosure")["link"].startswith("https://www.ftc.gov/")
    assert "hidden-disclosure" not in {f["rule"] for f in lint(text, platform="x")["findings"]}


@pytest.mark.parametrize("text", [
    "Ad: loving this serum, use my code GLOW15 for 15% off",
    "#ad Thanks @glowco for sending this over, I love it #skincare #glow #selfcare",
    "Thanks @sam for the lift home last night!",
    "My sister gave me this scarf for my birthday and I love it",
])
def test_clear_disclosures_and_friendly_thanks_pass(lint, text):
    assert not {f["rule"] for f in lint(text)["findings"]} & {"undisclosed-sponsorship", "hidden-disclosure"}


def test_emoji_runs_are_underlined_and_emoji_bullets_are_about_the_draft(lint):
    text = "What's on:\n✅ Live music\n✅ Food stalls\n✅ Face painting 🎉🎉🎉"
    answer = lint(text)
    run = finding(answer, "emoji-run")
    units = text.encode("utf-16-le")
    assert units[2 * run["offset"]:2 * (run["offset"] + run["length"])].decode("utf-16-le") == "🎉🎉🎉"
    assert finding(answer, "emoji-bullets")["scope"] == "draft"
    assert not {"emoji-run", "emoji-bullets"} & {f["rule"] for f in lint("Lovely day 🎉 see you soon 😊")["findings"]}
