// Package browser holds the web app's tests in a real headless Chromium, driven by
// chromedp, with axe-core checking every page for WCAG 2.1 AA. It has no code of its
// own: `go test ./worker/web/browser` needs the chromium binary and axe-core (see
// .ci/run), and fails, never skips, without them.
package browser
