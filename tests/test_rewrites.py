"""Suggestion templates filled from the draft, fitted to where they go, and checked by check-rules."""
from __future__ import annotations

import textwrap

import pytest

from cli.main import main
from rules import Linter, hints, load_pack, whole_post
from tests.conftest import rules_problems
from tests.test_hints import shown


def first_fix(lint, text: str, rule: str) -> tuple[str, str]:
    """The words of the hint `rule` leads, and what its first suggestion puts there."""
    hint = next(h for h in lint(text)["hints"] if h["rule"] == rule)
    return shown(text, hint), hint["suggestions"][0]["replacement"]


def test_a_giveaway_keeps_its_offer_and_deadline_and_asks_instead_of_paying_for_reach(lint):
    text = "RT and tag 3 friends to win a £50 voucher! Winner announced Friday #giveaway #win #contest"
    words, fix = first_fix(lint, text, "reward-for-sharing")
    assert words == "RT and tag 3 friends to win a £50 voucher!"
    assert "a £50 voucher" in fix and "on Friday" in fix and fix.endswith("?")
    assert "RT" not in fix and "tag" not in fix.lower()
    after = lint(text)["rewrite"]["after"]
    assert after.endswith("Winner announced Friday")  # the contest tags go, with the space before them
    assert not {h["category"] for h in lint(after)["hints"]} & {"spammy-incentive"}


def test_engagement_bait_becomes_the_question_behind_it(lint):
    assert first_fix(lint, "Like and share if you love Fridays", "engagement-bait")[1].startswith("Do you love Fridays?")
    assert first_fix(lint, "❤️ for pancakes, 😮 for waffles", "engagement-bait")[1].startswith("❤️ Pancakes or waffles?")


def test_bait_keeps_the_news_it_was_sharing(lint):
    text = "Share this so every cat owner sees it 🐱 The vaccination clinic opens on Saturday at the hall."
    fix = first_fix(lint, text, "engagement-bait")[1]
    assert fix.startswith("The vaccination clinic opens on Saturday at the hall. What do you think?")
    assert "Share" not in fix


def test_a_closure_becomes_where_people_are_answered(lint):
    fix = first_fix(lint, "We can't discuss individual complaints here.", "replies-closed")[1]
    assert fix.startswith("Questions about individual complaints?") and "ask us here" in fix


@pytest.mark.parametrize(("text", "fix"), [
    ("We can't reserve tables in DMs.", "Questions about tables? DMs are open: ask us here and we'll get back to you."),
    ("We can't answer queries about refunds here.", "Questions about refunds? Replies are open: ask us here"),
    ("This inbox is not checked at weekends.", "Messages to this inbox are open: ask us here"),  # not "Questions about weekends?"
    ("We are no longer responding to comments on Facebook.", "Comments are open: ask us here"),
])
def test_a_closure_is_about_what_people_ask_not_where_or_when(lint, text, fix):
    assert first_fix(lint, text, "replies-closed")[1].startswith(fix)


def test_a_closure_then_a_redirect_ask_once(lint):
    after = lint("We've turned comments off on this post. For help please visit our website.")["rewrite"]["after"]
    assert after == "Comments on this post are open. Got a question? Reply here and we'll help, or visit our website if you prefer."


def test_a_reopened_channel_is_invitation_enough(lint):
    after = lint("This account is not monitored at night.")["rewrite"]["after"]
    assert after == "Replies to this account are open: ask us here and we'll get back to you."  # no second sentence asking again


def test_pressure_goes_and_the_facts_stay(lint):
    words, fix = first_fix(lint, "HUGE SALE THIS WEEKEND ONLY", "urgency-pressure")
    assert fix == "Huge sale. It runs this weekend. Any questions? Just ask."


def test_the_emoji_opening_a_sentence_stays_and_the_next_sentence_keeps_its_space(lint):
    text = "🎉 RT to win a hamper! Doors open at 7"
    answer = lint(text)
    fix = answer["hints"][0]["suggestions"][0]["replacement"]
    assert fix.startswith("🎉 We've got a hamper")
    assert answer["rewrite"]["after"].endswith("? Doors open at 7")


def test_a_rewrite_puts_back_the_link_its_template_has_no_place_for(lint):
    text = "Spring fares are live. Book now: skylark.example/summer"
    assert "skylark.example/summer" in lint(text)["rewrite"]["after"]


def test_a_hard_sell_asks_about_the_decision_not_the_pressure(lint):
    assert "before you hurry" not in lint("Hurry in store now.")["rewrite"]["after"]
    fix = first_fix(lint, "New mugs are in. Book a workshop today.", "hard-sell")[1]
    assert fix == "Anything you'd like to know about a workshop before you book? Just ask."


def test_a_draft_that_already_asks_gets_no_second_invitation(lint):
    text = "Which flavour wins? ❤️ for lemon, 😮 for cherry"
    assert lint(text)["rewrite"]["after"] == "Which flavour wins? ❤️ Lemon or cherry?"
    # two fixes that each invite replies: the post asks once, at its end
    after = lint("Our new range is here. Hurry down today!")["rewrite"]["after"]
    assert after.count("?") == 1 and after.endswith("Just ask.")


def test_a_sales_opener_is_no_question_the_post_already_asks(lint):
    after = lint("Fancy a treat? Grab a cookie box today!")["rewrite"]["after"]
    assert after == "Fancy a treat? A cookie box. Anything you'd like to know? Just ask."  # the box keeps its article


def test_pressure_said_again_goes_and_the_facts_stay(lint):
    text = "Our summer sale is on. Up to 80% off. Hurry, ends Friday!"
    answer = lint(text)
    assert answer["rewrite"]["after"] == "Our summer sale is on. 80% off. It runs until Friday. Any questions? Just ask."
    # the date is said by the sentence that holds it, not borrowed by the sentences before
    fixes = {shown(text, hint).strip(): hint["suggestions"][0]["replacement"] for hint in answer["hints"] if hint["scope"] == "span"}
    assert fixes["Hurry, ends Friday!"].startswith("It runs until Friday.")
    assert not any("Friday" in fix for words, fix in fixes.items() if words != "Hurry, ends Friday!")


def test_side_by_side_deletions_both_go_from_the_whole_post(lint):
    # each took the space between them; the rewrite applies both, as clicking each hint would
    assert lint("Only 2 days left!!! Book now. Don't miss out.")["rewrite"]["after"] == "Any questions? Just ask."


@pytest.mark.parametrize(("text", "after"), [
    ("Our winter clearance ends Sunday, hurry!", "Our winter clearance runs until Sunday. Any questions? Just ask."),
    ("Last chance! Offer ends Sunday!", "The offer runs until Sunday. Any questions? Just ask."),  # the date said once
    ("Hurry, ends Sunday!", "On until Sunday. Any questions? Just ask."),  # no "It" with nothing to refer to
])
def test_what_ends_keeps_its_name_and_runs_until_then(lint, text, after):
    assert lint(text)["rewrite"]["after"] == after


def test_a_deadline_the_post_keeps_is_not_said_again(lint):
    after = lint("Our spring menu starts on Friday. Hurry!!! Book now.")["rewrite"]["after"]
    assert after.count("Friday") == 1 and after.startswith("Our spring menu starts on Friday.")


def test_a_day_in_a_name_is_no_date(lint):
    fix = first_fix(lint, "Our Black Friday sale ends tonight, hurry!", "urgency-pressure")[1]
    assert "until tonight" in fix and "on Friday" not in fix
    assert fix.count("tonight") == 1  # the date is said once, by "It runs ..."
    fix = first_fix(lint, "Post your Saturday run photo and tag us to win a mug", "reward-for-sharing")[1]
    assert "Saturday" not in fix


@pytest.mark.parametrize(("text", "offer"), [
    ("Share this and follow us to win free pizza for a year!", "We've got free pizza for a year for one of you."),
    ("Refer a friend and you'll receive £20 once they spend £100", "We've got £20 for one of you, once they spend £100."),
    ("Tag a mate and we'll give one of you a 3-night stay in Porto!", "We've got a 3-night stay for one of you."),
])
def test_the_offer_is_the_prize_itself(lint, text, offer):
    assert first_fix(lint, text, "reward-for-sharing")[1].startswith(offer)


@pytest.mark.parametrize(("text", "promise"), [
    ("if this gets 300 reposts the club will bring back the Friday pie stall", "Should we bring back the Friday pie stall?"),
    ("When this gets 500 shares the cafe gives everyone free cake", "Should we give away free cake?"),  # not "500 shares"
])
def test_a_milestone_becomes_the_promise_asked_about(lint, text, promise):
    assert first_fix(lint, text, "reach-milestone-incentive")[1].startswith(promise)


@pytest.mark.parametrize(("text", "after"), [
    ("Our hamper giveaway is here! To enter: follow us and share this post.", "We've got a hamper for one of you. What would you do with it?"),
    ("RT to win. Prize: £100 in vouchers.", "We've got £100 for one of you. What would you do with it?"),
    # the line that only shares goes, and the offer is not said twice
    ("Refer a friend and you'll get £20 once they spend their first £200. Share the love!",
     "We've got £20 for one of you, once they spend their first £200. What would you do with it?"),
])
def test_a_line_with_only_the_mechanic_leaves_the_offer_to_the_sentence_that_names_it(lint, text, after):
    assert lint(text)["rewrite"]["after"] == after


def test_a_heading_gives_way_to_the_sentence_that_names_the_prize(lint):
    text = "🎁 GIVEAWAY 🎁\n\nWe are giving one lucky follower a cake hamper!\n\nTo enter, like and share."
    heading, prize, mechanic = (hint["suggestions"][0]["replacement"] for hint in lint(text)["hints"] if hint["scope"] == "span")
    assert heading == ""  # offsets count UTF-16 units: the hints in text order
    assert prize.startswith("We've got a cake hamper for one of you.")
    assert "like" not in mechanic and "share" not in mechanic  # the mechanic goes, whatever asks instead


def test_an_amount_the_template_has_no_place_for_comes_back_with_its_words(lint):
    fix = first_fix(lint, "We'll donate £2 to the hospice for every repost, up to £2,000.", "reach-milestone-incentive")[1]
    assert fix.startswith("Should we donate £2 to the hospice for every repost, up to £2,000?")
    assert "(£" not in fix


def test_an_amount_before_a_comma_is_found_and_placed_without_it(lint):
    fix = first_fix(lint, "Share your invite link, and when a friend pays in £50, you both get £10.", "reward-for-sharing")[1]
    assert fix.startswith("We've got £10 for one of you, when a friend pays in £50.")


def test_a_hint_is_led_by_the_rule_whose_template_places_the_amount(lint):
    text = "Forward this to 10 friends and tag them to win a £40 voucher!"
    assert lint(text)["rewrite"]["after"].startswith("We've got a £40 voucher for one of you")  # not "... pass it on. (£40)"


def test_a_keyword_to_text_is_no_offer(lint):
    fix = first_fix(lint, "Text WIN to 60300 for a chance to win a £200 voucher!", "prize-claim")[1]
    assert fix.startswith("We have a £200 voucher for some of our customers.")  # not "We have 60300 ..."


def test_a_signal_giveaway_takes_no_price_from_elsewhere_for_a_prize(lint):
    after = lint("Spread the word! Our pies are £3 each. Tag a pie lover!")["rewrite"]["after"]
    assert "We've got" not in after and "Our pies are £3 each." in after


def test_an_automated_account_says_where_replies_go(lint):
    assert first_fix(lint, "This is an automated feed.", "replies-closed")[1] == (
        "Replies to this feed are open: ask us here and we'll get back to you.")


@pytest.mark.parametrize(("text", "fix"), [
    ("Send this to 10 friends today or the luck runs out!", "If it would help a friend, feel free to pass it on."),
    ("Share this with 5 people to keep the luck going.", "If it would help someone you know, feel free to pass it on."),
])
def test_a_chain_message_is_passed_on_to_who_it_helps(lint, text, fix):
    assert first_fix(lint, text, "chain-forwarding")[1] == fix


@pytest.mark.parametrize(("text", "asked"), [
    ("Double tap if this sunset makes you smile", "Does this sunset make you smile?"),
    ("Like if this made your morning ☀️", "Did this make your morning?"),
    ("Double-tap if these pancakes look good", "Do these pancakes look good?"),
    ("Share if your cat is the boss of the house", "Is your cat the boss of the house?"),
    ("Tag a mate you would take to the match", "Who would you take to the match?"),
])
def test_bait_about_something_else_is_asked_about_it(lint, text, asked):
    assert first_fix(lint, text, "engagement-bait")[1].startswith(asked)


def test_the_options_of_a_vote_are_asked_not_kept_beside_the_question(lint):
    text = "Comment 1 for apple pie, 2 for crumble, 3 for trifle. The winner goes on the menu!"
    assert first_fix(lint, text, "engagement-bait")[1] == "Apple pie, crumble or trifle? Tell us below, we read every reply."


def test_mentions_the_template_has_no_place_for_end_the_post_as_mentions_do(lint):
    fix = first_fix(lint, "@harbourcafe and @milltown are giving away a hamper, RT to win!", "reward-for-sharing")[1]
    assert fix == "We've got a hamper for one of you. What would you do with it? @harbourcafe @milltown"


@pytest.mark.parametrize(("text", "after"), [
    ("Pick one:\n😍 Tea\n😮 Coffee\n😂 Neither", "Pick one:\n😍 Tea, coffee or neither? Tell us below, we read every reply."),
    ("🔥 = chips\n❤️ = mash", "🔥 Chips or mash? Tell us below, we read every reply."),
])
def test_a_vote_list_becomes_one_plain_question_asked_once(lint, text, after):
    assert lint(text)["rewrite"]["after"] == after


@pytest.mark.parametrize(("text", "rule", "asked"), [
    ("NEW spring range just dropped, link in bio", "link-without-conversation", "What do you think of the new spring range?"),
    ("New menu out now. Best burgers in town!", "announcement-without-conversation", "What do you think of the new menu?"),
    ("Our winter menu launches on Friday.", "announcement-without-conversation", "What do you think of our winter menu?"),
])
def test_an_announcement_is_asked_about_by_the_name_of_what_it_announces(lint, text, rule, asked):
    assert first_fix(lint, text, rule)[1].strip().startswith(asked)


@pytest.mark.parametrize(("text", "place"), [
    ("For all queries visit our website.", "or visit our website if you prefer"),
    ("Repairs must be reported through the tenant portal.", "or use the tenant portal if you prefer"),
    ("Media enquiries should be directed to press@harbour.example.", "or email press@harbour.example if you prefer"),
    ("For bookings visit our website: milltown.example/book", "or visit our website at milltown.example/book if you"),
    ("Please use the contact form on our website.", "or use the contact form if you prefer"),  # not "or contact form"
])
def test_sending_people_elsewhere_keeps_where_they_can_go(lint, text, place):
    assert place in first_fix(lint, text, "sent-elsewhere")[1]


@pytest.mark.parametrize(("text", "fix"), [
    ("Best-in-class care.", "How can our care help you? Tell us below."),
    ("We are the award-winning leader in home insurance.", "How can our home insurance help you? Tell us below."),
    ("Our planner app is #1 for budgeting.", "How can our planner app help you with budgeting? Tell us below."),
    ("We're the UK's leading provider of garden furniture.", "How can our garden furniture help you? Tell us below."),
    ("Kingsmead is the highest-performing school in the county.", "Kingsmead is a school in the county. How can our"),
    ("We are the leading supplier of solar panels in Kent.", "We are a supplier of solar panels in Kent. How can our solar panels"),
    ("We're the region's leading provider of end-of-life care.", "How can our end-of-life care help you? Tell us below."),
])
def test_a_claim_becomes_what_it_does_for_the_reader(lint, text, fix):
    assert fix in first_fix(lint, text, "self-praise")[1]


def test_claims_in_several_sentences_are_asked_about_once(lint):
    after = lint("Award-winning coffee. Best-in-class service. The friendliest baristas in Leeds.")["rewrite"]["after"]
    assert after == "How can our service help you? Tell us below. The friendliest baristas in Leeds."


@pytest.mark.parametrize("text", ["We are the award-winning leader in home insurance.", "Our planner app is #1 for budgeting.",
                                  "We're the region's leading provider of end-of-life care."])
def test_what_is_left_of_a_claim_is_not_kept_when_the_question_says_it(lint, text):
    # not "We are the leader in home insurance." nor "Our planner app is for budgeting." before the question
    assert first_fix(lint, text, "self-praise")[1].startswith("How can our ")


def test_who_is_speaking_is_not_underlined_as_the_claim(lint):
    text = "Voted the best bakery in Leeds 🍞 We bake every morning. #Leeds"
    assert [shown(text, hint).strip() for hint in lint(text)["hints"] if hint["scope"] == "span"] == [
        "Voted the best bakery in Leeds 🍞 We bake every morning."]


def team_rule(replace: str, flag: str = "RT to win a mug!") -> str:
    return textwrap.dedent(f"""\
        version: "t"
        rules:
          - id: mug-giveaway
            category: spammy-incentive
            severity: error
            message: Mugs for retweets.
            when:
              pattern: [{{list: [spread], as: action}}, {{skip: 8}}, {{any: [mug, mugs], as: reward}}]
            underline: sentence
            suggestions:
              - message: Keep the mug, drop the retweet.
                replace: {replace!r}
            examples:
              flag: [{flag!r}]
              pass: ["Nice mug."]
        phrases:
          spread: [rt, share]
        """)


def test_check_rules_passes_a_rewrite_that_keeps_the_offer_and_drops_the_mechanic(rules_file, capsys):
    path = rules_file(team_rule("We have a {reward|prize} for one of you. What would you drink from it?"))
    assert main(["check-rules", str(path)]) == 0
    assert "ok   mug-giveaway (2/2 examples)" in capsys.readouterr().out


def test_check_rules_fails_a_rewrite_that_keeps_the_mechanic(rules_file, capsys):
    path = rules_file(team_rule("Share this to win a {reward}!"))
    assert main(["check-rules", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL mug-giveaway (1/2 examples)" in out
    assert "rule 'mug-giveaway' rewrites 'RT to win a mug!' (generic) as 'Share this to win a mug!', which still reads as spammy-incentive (mug-giveaway)" in out


def test_a_template_without_the_mention_still_keeps_it(rules_file, capsys):
    path = rules_file(team_rule("Ask us about our mugs!", flag="RT this with @sam to win a mug!"))
    assert main(["check-rules", str(path)]) == 0
    assert "ok   mug-giveaway (2/2 examples)" in capsys.readouterr().out
    linter = Linter(load_pack(path))
    try:
        assert whole_post(*_hinted(linter, "RT this with @sam to win a mug!")) == "Ask us about our mugs! @sam"  # as a post ends with them, not in brackets
    finally:
        linter.close()


def _hinted(linter, text):
    result = linter.lint(text)
    return result.text, hints(result)


@pytest.mark.parametrize(("template", "problem"), [
    ("We have a {prize_name}.", "unknown slot {prize_name}"),
    ("We have a [{reward}.", "'[' opens an optional part that is never closed"),
    ("We have a {reward.", "unmatched '{'"),
    ("[We[ have[ a {reward}]]].", "parts in [...] nest 2 deep at most"),
])
def test_a_template_with_a_slot_the_draft_cannot_fill_is_refused_with_its_line(rules_file, template, problem):
    path = rules_file(team_rule(template))
    problems = rules_problems(path)
    assert [(p.line, p.rule) for p in problems] == [(10, "mug-giveaway")]  # its suggestions
    assert problem in problems[0].message


def test_each_run_of_exclamation_marks_becomes_a_full_stop(lint):
    # the marks are underlined, not the offer that makes them sell; each run keeps its own fix
    text = "Wow!!! New stock!!! Great prices!! Come in!"
    fixes = [(shown(text, h), h["suggestions"][0]["replacement"]) for h in lint(text)["hints"]
             if h["rule"] == "exclamation-overload"]
    assert fixes == [("!!!", "."), ("!!!", "."), ("!!", "."), ("!", ".")]
    assert lint(text)["rewrite"]["after"] == "Wow. New stock. Great prices. Come in."
