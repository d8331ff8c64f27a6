{
  // The pre-publish check: pressing the composer's own Post button, or Ctrl/Cmd+Enter in it, while the
  // draft has error-severity findings shows what is left ("2 problems: share to win, comments off") with
  // Review and Post anyway. Modes per site: "off", "warn" (default), "review" (Post anyway is offered once
  // the person has reviewed the list). It never blocks for good and never touches the draft.
  const isPostKey = (event) => event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey;

  Rapport.PrePublish = class {
    // composers() -> the frame's Composer objects; notices: Rapport.Notices.
    constructor(composers, notices) {
      this.composers = composers;
      this.notices = notices;
      Rapport.intercept("click", (event) => this.clicked(event));
      Rapport.intercept("keydown", (event) => this.keyed(event));
    }

    get mode() {
      return Rapport.prefs.current.prePublish;
    }

    clicked(event) {
      if (this.mode === "off") return false;
      const path = event.composedPath();
      const composer = this.composers().find((candidate) => {
        const post = candidate.postButton();
        return post && path.includes(post);
      });
      return composer ? this.check(composer, () => composer.postButton()?.click()) : false;
    }

    keyed(event) {
      if (this.mode === "off" || !isPostKey(event)) return false;
      const path = event.composedPath();
      const composer = this.composers().find((candidate) => path.includes(candidate.element));
      return composer ? this.check(composer, () => this.repost(composer, event)) : false;
    }

    // The post the person asked for, replayed: their button, or the same key on the editor.
    repost(composer, event) {
      const post = composer.postButton();
      if (post) return post.click();
      const { key, code, ctrlKey, metaKey } = event;
      composer.element.dispatchEvent(new KeyboardEvent("keydown", { key, code, ctrlKey, metaKey, bubbles: true, cancelable: true }));
    }

    // Whether to hold this post back (true) or let it through (false).
    check(composer, post) {
      if (composer.approved === composer.field.read()) return false; // "Post anyway" for this very draft
      if (!composer.upToDate) {
        // Typed since the last check: hold the post, check now, then confirm or post.
        composer.checkNow().then(() => this.decide(composer, post));
        return true;
      }
      if (!composer.errors().length) return false;
      this.decide(composer, post);
      return true;
    }

    decide(composer, post) {
      const errors = composer.errors();
      if (!errors.length) return this.release(composer, post);
      const names = [...new Set(errors.map((finding) => Rapport.ruleName(finding.rule)))];
      const choices = [{ label: "Review", primary: true, run: () => composer.review(errors) }];
      if (this.mode !== "review" || composer.reviewed === composer.field.read()) choices.push({ label: "Post anyway", run: () => this.release(composer, post) });
      const button = composer.postButton() ?? composer.element;
      this.notices.confirm({
        near: composer.element,
        anchor: button.getBoundingClientRect(),
        summary: `${Rapport.problems(errors.length)}: ${names.join(", ")}`,
        choices,
        onClose: () => composer.field.element.focus(),
      });
    }

    // Our replayed click or key is untrusted, so it passes our own check; should the site ignore it, the
    // person's next press goes through, as the draft is approved.
    release(composer, post) {
      composer.approved = composer.field.read();
      post();
    }
  };
}
