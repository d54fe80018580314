package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The pages tested the way a person uses them: Debian's chromium, headless, driven through the
// DevTools protocol, against judge serve in-process on a fresh SQLite file, its River queue and
// the real Docker engine. Screenshots go to bin/screenshots (not committed).

// chromiumPath is Debian's browser; JUDGE_CHROMIUM names another.
func chromiumPath(t *testing.T) string {
	path := os.Getenv("JUDGE_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		require.FailNow(t, "no browser for the page tests",
			"%s is missing: install Debian's chromium (apt-get install -y chromium; `make test` does it) or set JUDGE_CHROMIUM", path)
	}
	return path
}

// serveForBrowser runs judge serve in-process (serve_test.go's startServe) and returns its
// base URL and admin token.
func serveForBrowser(t *testing.T) (base, admin string) {
	srv := startServe(t, &ServeOptions{Workers: 1, JobTimeout: 2 * time.Minute, PerMinute: 30, MaxQueued: 100})
	return srv.c.base, srv.admin
}

// newChromium starts a headless browser for the test (its own profile, nothing fetched from the
// network) and returns a tab's context; confirm dialogs are accepted.
func newChromium(t *testing.T) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)), chromedp.NoSandbox, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 900),
		// Chromium leaves org.chromium.Chromium.* scratch folders in TMPDIR: the test's own.
		chromedp.Env("TMPDIR="+t.TempDir()),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancelAlloc)
	t.Cleanup(cancel)
	require.NoError(t, chromedp.Do(ctx), "start chromium")
	return ctx
}

// tab opens a tab with its own cookies (another person at another computer).
func tab(t *testing.T, browser context.Context) context.Context {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	require.NoError(t, chromedp.Do(ctx))
	return ctx
}

// do runs steps, bounded by timeout (judging in containers under load can take a minute).
func do(t *testing.T, ctx context.Context, timeout time.Duration, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := chromedp.Do(c, steps...); err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
		require.NoError(t, err, "at %s:\n%s", loc, body)
	}
}

func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(c, a)
	require.NoError(t, err)
	return v
}

// shoot writes screenshots of the whole page at a laptop's and a phone's width.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := filepath.Join("..", "..", "bin", "screenshots")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"laptop", 1366, 900}, {"phone", 390, 844}} {
		do(t, ctx, time.Minute, chromedp.EmulateViewport(size.width, size.height))
		png := get(t, ctx, chromedp.FullScreenshot(100)) // quality 100: PNG (below it, JPEG)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+"-"+size.name+".png"), png, 0o644))
	}
	do(t, ctx, time.Minute, chromedp.EmulateViewport(1366, 900))
	// And the laptop's first screen at half size, small enough for the README.
	thumb, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, _ *chromedp.Target) ([]byte, error) {
		r, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng,
			Clip: &page.Viewport{Width: 1366, Height: 900, Scale: 0.5}})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+"-small.png"), thumb, 0o644))
}

// waitFor evaluates a JavaScript condition in the tab until it holds, across the page's own
// reloads (an evaluation that a navigation cuts short is tried again), until timeout.
func waitFor(t *testing.T, ctx context.Context, cond string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		c, cancel := context.WithTimeout(ctx, 10*time.Second)
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
			require.FailNow(t, "the page did not get there in time", "%s (last error: %v)\n%s", cond, err, body)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// press presses a key as a keyboard does: one keyDown that carries its text, so a page that
// prevents its default gets no text (chromedp's SendKeys sends the text as a separate char
// event, which no keydown handler can stop).
func press(key string, mods chromedp.Modifier) chromedp.Action[chromedp.Void] {
	codes := map[string]int64{"Enter": 13, "Tab": 9, "Escape": 27}
	text := map[string]string{"Enter": "\r", "Tab": "\t"}
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: key, WindowsVirtualKeyCode: codes[key],
			NativeVirtualKeyCode: codes[key], Text: text[key], UnmodifiedText: text[key], Modifiers: int64(mods)}
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, down); err != nil {
			return err
		}
		up := down
		up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
		_, err := chromedp.Call(ctx, input.DispatchKeyEvent, up)
		return err
	})
}

// deskLogin logs an interviewer in through the login form.
func deskLogin(t *testing.T, ctx context.Context, base, admin string) {
	do(t, ctx, time.Minute,
		chromedp.Navigate(base+"/desk/"),
		chromedp.WaitVisible(chromedp.ID("token")),
		chromedp.SendKeys(chromedp.ID("token"), admin),
		chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(chromedp.ID("create")))
}

// The candidate's path (invite link, start, write a solution in the editor, run the samples,
// submit, see the result arrive, history, I'm done) and the interviewer's (log in, create an
// assessment, invite, the matrix, a submission, export), in one browser each.
func TestBrowserCandidateAndInterviewer(t *testing.T) {
	browser := newChromium(t)
	base, admin := serveForBrowser(t)
	desk := tab(t, browser)

	deskLogin(t, desk, base, admin)
	shoot(t, desk, "desk-home")
	do(t, desk, time.Minute,
		chromedp.SendKeys(chromedp.ID("name"), "Browser take-home"),
		chromedp.Click(chromedp.CSS(`input[name="problems"][value="sum"]`)),
		chromedp.SetValue(chromedp.ID("policy"), "tests"),
		chromedp.Click(chromedp.ID("create-button")),
		chromedp.WaitVisible(chromedp.ID("invite")),
		chromedp.SendKeys(chromedp.ID("cand-name"), "Ada Lovelace"),
		chromedp.SendKeys(chromedp.ID("cand-email"), "ada@example.com"),
		chromedp.Click(chromedp.ID("invite-button")),
		chromedp.WaitVisible(chromedp.ID("new-links")))
	link := get(t, desk, chromedp.Value(chromedp.ID("link-0")))
	do(t, desk, time.Minute,
		chromedp.SendKeys(chromedp.ID("cand-name"), "Bob Idle"),
		chromedp.Click(chromedp.ID("invite-button")),
		chromedp.WaitVisible(chromedp.ID("new-links")))
	require.True(t, strings.HasPrefix(link, base+"/invite/jinv_"), link)
	assessmentURL := strings.TrimSuffix(get(t, desk, chromedp.Location()), "/invite")

	// The candidate, in a browser of their own.
	cand := tab(t, browser)
	do(t, cand, time.Minute, chromedp.Navigate(link), chromedp.WaitVisible(chromedp.ID("start")))
	assert.Equal(t, base+"/take/", get(t, cand, chromedp.Location()), "the token leaves the address bar")
	shoot(t, cand, "take-start")
	do(t, cand, time.Minute,
		chromedp.Click(chromedp.ID("start")),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/take/problems/sum"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/take/problems/sum"]`)),
		chromedp.WaitVisible(chromedp.ID("source")))

	// Write it in the editor: Enter after ':' indents, Enter keeps the indentation, Shift-Tab
	// outdents, Tab indents.
	require.True(t, get(t, cand, chromedp.Evaluate[bool](`(document.getElementById("source").value = "") === ""`)))
	do(t, cand, time.Minute,
		chromedp.Focus(chromedp.ID("source")),
		chromedp.SendKeys(chromedp.ID("source"), "def main():"), press("Enter", 0),
		chromedp.SendKeys(chromedp.ID("source"), "a, b = map(int, input().split())"), press("Enter", 0),
		chromedp.SendKeys(chromedp.ID("source"), "print(a + b)"), press("Enter", 0),
		press("Tab", chromedp.ModifierShift),
		chromedp.SendKeys(chromedp.ID("source"), "main()"), press("Enter", 0),
		press("Tab", 0),
		chromedp.SendKeys(chromedp.ID("source"), "# end"))
	want := "def main():\n    a, b = map(int, input().split())\n    print(a + b)\nmain()\n    # end"
	require.Equal(t, want, get(t, cand, chromedp.Value(chromedp.ID("source"))))
	// Escape, then Tab: the keyboard leaves the editor (the text stays as it was).
	do(t, cand, time.Minute, press("Escape", 0), press("Tab", 0))
	assert.Equal(t, want, get(t, cand, chromedp.Value(chromedp.ID("source"))))
	assert.Equal(t, "file", get(t, cand, chromedp.Evaluate[string](`document.activeElement.id`)), "focus moved on to the next field")
	lines := get(t, cand, chromedp.TextContent(chromedp.ID("gutter")))
	assert.Equal(t, "1\n2\n3\n4\n5", lines, "line numbers follow the text")

	// The draft is saved as they type: a reload (a closed tab) loses nothing.
	do(t, cand, time.Minute,
		chromedp.Poll[chromedp.Void](`document.getElementById("draft-state").textContent.startsWith("Draft saved")`, chromedp.WithPollingTimeout(45*time.Second)),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.ID("source")))
	require.Equal(t, want, get(t, cand, chromedp.Value(chromedp.ID("source"))))

	// Run the samples (the first run measures the problem's time limit: it can take a while).
	do(t, cand, 5*time.Minute, chromedp.Click(chromedp.ID("run")), chromedp.WaitVisible(chromedp.ID("run-result")))
	runText := get(t, cand, chromedp.Text(chromedp.ID("run-result")))
	assert.Contains(t, runText, "Accepted")
	assert.Contains(t, strings.ToLower(runText), "your output")
	shoot(t, cand, "take-problem")

	// Submit: the submission's page follows the judging and shows the result.
	// The problem's page shows the sample run in a #result too: wait for the submission's own
	// page (one condition, read on one document), whose result is final once it has a verdict
	// (a page rendered after judging has no live stream that would reload it).
	do(t, cand, time.Minute, chromedp.Click(chromedp.ID("submit")))
	waitFor(t, cand, `location.pathname.startsWith("/take/submissions/") && document.querySelector("#result .overall") !== null`, 5*time.Minute)
	result := get(t, cand, chromedp.Text(chromedp.ID("result")))
	assert.Contains(t, result, "Accepted")
	assert.Contains(t, result, "Hidden tests")
	assert.NotContains(t, result, "secret/", "no hidden test's name")
	shoot(t, cand, "take-submission")

	do(t, cand, time.Minute, chromedp.Navigate(base+"/take/problems/sum"), chromedp.WaitVisible(chromedp.CSS("table.history")))
	assert.Contains(t, get(t, cand, chromedp.Text(chromedp.CSS("table.history"))), "Accepted")

	do(t, cand, time.Minute, chromedp.Navigate(base+"/take/"), chromedp.Click(chromedp.ID("done")), chromedp.WaitVisible(chromedp.CSS("p.note")))
	assert.Contains(t, get(t, cand, chromedp.Text(chromedp.CSS("p.note"))), "You finished")

	// The interviewer sees it in the matrix, opens it, exports.
	do(t, desk, time.Minute, chromedp.Navigate(assessmentURL), chromedp.WaitVisible(chromedp.ID("matrix")))
	matrix := get(t, desk, chromedp.Text(chromedp.ID("matrix")))
	assert.Contains(t, matrix, "Ada Lovelace")
	assert.Contains(t, matrix, "Accepted")
	// The matrix sorts by a column's header: Total ascending puts Bob (nothing sent) first,
	// again descending puts Ada first.
	firstRow := chromedp.Evaluate[string](`document.querySelector("#matrix tbody tr td").textContent`)
	do(t, desk, time.Minute, chromedp.Click(chromedp.Search(`//th/button[text()="Total"]`)))
	assert.Contains(t, get(t, desk, firstRow), "Bob Idle")
	do(t, desk, time.Minute, chromedp.Click(chromedp.Search(`//th/button[text()="Total"]`)))
	assert.Contains(t, get(t, desk, firstRow), "Ada Lovelace")
	shoot(t, desk, "desk-assessment")
	do(t, desk, time.Minute,
		chromedp.Click(chromedp.CSS(`#matrix a[href^="/desk/submissions/"]`)),
		chromedp.WaitVisible(chromedp.CSS("div.src")))
	sub := get(t, desk, chromedp.Text(chromedp.CSS("main")))
	assert.Contains(t, sub, "def main():")
	assert.Contains(t, sub, "secret/", "the interviewer sees the hidden tests")
	shoot(t, desk, "desk-submission")
	csv := get(t, desk, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(r => r.text())`, assessmentURL+"/export?problem=sum&format=csv"), chromedp.EvalAwaitPromise))
	assert.Contains(t, csv, "Ada Lovelace #1")
	assert.Contains(t, csv, "AC")
}

// inert checks that nothing hostile ran or became markup on the page: no script but the
// page's own, no image, no flag set by an injected handler, and the hostile text is there,
// as text.
func inert(t *testing.T, ctx context.Context, where string, texts ...string) {
	t.Helper()
	assert.True(t, get(t, ctx, chromedp.Evaluate[bool](`window.pwned === undefined`)), "%s: injected script ran", where)
	assert.Equal(t, 1, get(t, ctx, chromedp.Evaluate[int](`document.scripts.length`)), "%s: a script element was injected", where)
	assert.Zero(t, get(t, ctx, chromedp.Evaluate[int](`document.images.length + document.querySelectorAll("iframe, object, embed").length`)), "%s: markup was injected", where)
	body := get(t, ctx, chromedp.Evaluate[string](`document.body.textContent`))
	for _, text := range texts {
		assert.Contains(t, body, text, "%s: the hostile text is shown, as text", where)
	}
}

// Hostile text as a candidate's name, their source and their program's output: <script>,
// markup with handlers, a textarea's end tag, terminal escapes, a right-to-left override and a
// 1 MB line. Every page that shows them shows them inert.
func TestBrowserShowsHostileTextInert(t *testing.T) {
	browser := newChromium(t)
	base, admin := serveForBrowser(t)
	c := serveClient{t: t, base: base}
	name := "<script>window.pwned=1</script>\u202eevil.exe"
	var a struct{ ID string }
	code, raw := c.do("POST", "/api/assessments", admin, map[string]any{"name": "<img src=x onerror=\"window.pwned=4\">", "problems": []string{"sum"},
		"opens": time.Now().Add(-time.Minute), "closes": time.Now().Add(time.Hour), "policy": "tests"}, &a)
	require.Equal(t, http.StatusCreated, code, raw)
	var inv struct {
		InviteURL string `json:"invite_url"`
	}
	code, raw = c.do("POST", "/api/assessments/"+a.ID+"/candidates", admin, map[string]string{"name": name}, &inv)
	require.Equal(t, http.StatusCreated, code, raw)

	source := "# </textarea><script>window.pwned=2</script> \x1b[2J\x1b]0;owned\x07 \u202e\n" +
		"print('<img src=x onerror=\"window.pwned=3\">\\x1b[31mRED\\x1b[0m\\u202eevil')\n" +
		"print('A' * 1000000)\n" +
		"# " + strings.Repeat("x", 100_000) + "\n"
	cand := tab(t, browser)
	do(t, cand, time.Minute, chromedp.Navigate(inv.InviteURL), chromedp.WaitVisible(chromedp.ID("start")))
	inert(t, cand, "start page", name)
	do(t, cand, time.Minute, chromedp.Click(chromedp.ID("start")), chromedp.WaitVisible(chromedp.CSS(`a[href="/take/problems/sum"]`)),
		chromedp.Navigate(base+"/take/problems/sum"), chromedp.WaitVisible(chromedp.ID("source")),
		chromedp.SetValue(chromedp.ID("source"), source))
	// The problem's page shows the sample run in a #result too: wait for the submission's own
	// page (one condition, read on one document), whose result is final once it has a verdict
	// (a page rendered after judging has no live stream that would reload it).
	do(t, cand, time.Minute, chromedp.Click(chromedp.ID("submit")))
	waitFor(t, cand, `location.pathname.startsWith("/take/submissions/") && document.querySelector("#result .overall") !== null`, 5*time.Minute)
	inert(t, cand, "candidate's submission", "Wrong answer", `<img src=x onerror="window.pwned=3">`, "</textarea><script>window.pwned=2</script>", "more bytes not shown")
	shoot(t, cand, "hostile-take-submission")

	// The draft holds the source exactly: the end tag in it did not end the editor.
	do(t, cand, time.Minute, chromedp.Navigate(base+"/take/problems/sum"), chromedp.WaitVisible(chromedp.ID("source")))
	assert.Equal(t, source, get(t, cand, chromedp.Value(chromedp.ID("source"))))
	inert(t, cand, "problem page")

	desk := tab(t, browser)
	deskLogin(t, desk, base, admin)
	inert(t, desk, "desk", `<img src=x onerror="window.pwned=4">`)
	do(t, desk, time.Minute, chromedp.Navigate(base+"/desk/assessments/"+a.ID), chromedp.WaitVisible(chromedp.ID("matrix")))
	inert(t, desk, "results matrix", name, "Wrong answer")
	do(t, desk, time.Minute, chromedp.Click(chromedp.CSS(`#matrix a[href^="/desk/submissions/"]`)), chromedp.WaitVisible(chromedp.CSS("div.src")))
	inert(t, desk, "interviewer's submission", name, "</textarea><script>window.pwned=2</script>", `<img src=x onerror="window.pwned=3">`)
	// The right-to-left override stays inside the name: it cannot turn the text after it around.
	isolated := get(t, desk, chromedp.Evaluate[bool](fmt.Sprintf(`[...document.querySelectorAll("h1 bdi")].some(b => b.textContent === %q)`, name)))
	assert.True(t, isolated, "the name is isolated from the text around it (<bdi>)")
	shoot(t, desk, "hostile-desk-submission")
}
