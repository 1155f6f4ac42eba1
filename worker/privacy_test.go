package worker_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/contrib/envconfig"
	"google.golang.org/protobuf/proto"

	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/devserver"
	"github.com/wijkflow/wijkflow/workflows"
)

// resident is a fake resident: name, BSN, address and a health note. None of it may
// be readable anywhere but in the case view of an allowed user.
var resident = []string{"Jantje Pietersen-Verhoeven", "123456782", "Kerkstraat 17, 7722 AB Dalfsen", "insulineafhankelijke diabetes"}

func residentNote() string {
	return "Gesprek met " + resident[0] + " (BSN " + resident[1] + "), " + resident[2] + ". Gezondheid: " + resident[3] + "."
}

// leaks returns the resident's data found in b.
func leaks(b []byte) []string {
	var found []string
	for _, s := range resident {
		if bytes.Contains(b, []byte(s)) {
			found = append(found, s)
		}
	}
	return found
}

// dialKeys connects with the given keys, logging to log.
func dialKeys(t *testing.T, srv *devserver.Server, keys *crypt.Keyring, log io.Writer) client.Client {
	t.Helper()
	c, err := worker.Dial(context.Background(), worker.ClientConfig{
		Connection: envconfig.ClientConfigProfile{Address: srv.Address(), Namespace: srv.Namespace()},
		Keys:       keys, Logger: zerolog.New(log),
	})
	if err != nil {
		t.Fatal(err)
	}
	return testserver.Registered(t, c, srv.Namespace())
}

// call sends a JSON request as token ("" for none) and returns the status and body.
func call(t *testing.T, method, url, token string, body any, headers ...string) (int, []byte, http.Header) {
	t.Helper()
	r := testutil.Do(t, method, url, token, body, headers...)
	return r.Status, r.Body, r.Header
}

// mustCall is call that fails the test unless the status is want; it decodes into out.
func mustCall(t *testing.T, want int, method, url, token string, body, out any) []byte {
	t.Helper()
	code, b, _ := call(t, method, url, token, body)
	if code != want {
		t.Fatalf("%s %s: %d, want %d: %s", method, url, code, want, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, url, err, b)
		}
	}
	return b
}

// runResidentCase creates a testdorp case and completes both tasks, the second with the
// resident's data in its report; it returns the case id.
func runResidentCase(t *testing.T, base string) string {
	t.Helper()
	api := base + "/api/v1"
	var v workflows.CaseView
	mustCall(t, 201, "POST", api+"/cases", "test-coach-noord", map[string]any{"gemeente": "testdorp", "process": "snel", "data": map[string]any{"bron": "inwoner"}}, &v)
	mustCall(t, 200, "POST", api+"/cases/"+v.ID+"/tasks/"+v.Tasks[0].ID+"/complete", "test-coach-noord", map[string]any{"data": map[string]any{"urgent": false}}, &v)
	mustCall(t, 200, "POST", api+"/cases/"+v.ID+"/tasks/"+v.Tasks[0].ID+"/complete", "test-coach-noord", map[string]any{"data": map[string]any{"verslag": residentNote()}}, &v)
	if v.Status != workflows.StatusClosed {
		t.Fatalf("case %s is %s after both tasks, want closed", v.ID, v.Status)
	}
	return v.ID
}

// rawHistory reads a case's history with a client that has no keys: as Temporal stores
// it, and as anyone who reaches the frontend sees it.
func rawHistory(t *testing.T, srv *devserver.Server, id string) []*historypb.HistoryEvent {
	t.Helper()
	c, err := client.Dial(client.Options{HostPort: srv.Address(), Namespace: srv.Namespace(), Logger: worker.NewLogger(zerolog.Nop())})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var events []*historypb.HistoryEvent
	it := c.GetWorkflowHistory(context.Background(), id, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		ev, err := it.Next()
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, ev)
	}
	return events
}

// updateInputs are the payloads of the accepted updates' requests, in order.
func updateInputs(events []*historypb.HistoryEvent) []*commonpb.Payload {
	var ps []*commonpb.Payload
	for _, ev := range events {
		// The created update of Update-with-Start carries no case data (the actor and a
		// digest of the request); the SDK gives its codec no workflow context.
		if a := ev.GetWorkflowExecutionUpdateAcceptedEventAttributes(); a != nil && a.GetAcceptedRequest().GetInput().GetName() != workflows.UpdateCreated {
			ps = append(ps, a.GetAcceptedRequest().GetInput().GetArgs().GetPayloads()...)
		}
	}
	return ps
}

// TestResidentDataIsReadableOnlyByThoseWhoMay runs a case full of a fake resident's data
// on an embedded server with a data dir and the Web UI, then looks for the data in every
// place it must not be: the data dir's raw bytes (temporal.db, temporal.log), the
// process's log, the access log, the history as Temporal stores it, the search
// attributes and memo, and the Web UI without a codec. It checks that the case view and
// the codec endpoint show it to a user of the case's gemeente and not to another.
func TestResidentDataIsReadableOnlyByThoseWhoMay(t *testing.T) {
	dir := t.TempDir()
	srv := testserver.Embedded(t, testserver.Options{DataDir: dir, UI: true})
	logs, accessBuf := &testutil.SyncBuffer{}, &testutil.SyncBuffer{}
	c := dialKeys(t, srv, testutil.Keys(), logs)
	const origin = "http://ui.example"
	svc, base := serve(t, c, srv.Namespace(), svcOpts{
		keys: testutil.Keys(), taskQueue: workflows.DefaultTaskQueue, log: logs,
		access: accesslog.NewJSONLines(accessBuf), origins: []string{origin},
	})
	id := runResidentCase(t, base)

	// The case view shows the report to the coach, and nothing to another gemeente.
	body := mustCall(t, 200, "GET", base+"/api/v1/cases/"+id, "test-coach-noord", nil, nil)
	if !strings.Contains(string(body), resident[0]) {
		t.Errorf("the case view does not show the report to the coach: %s", body)
	}
	mustCall(t, 404, "GET", base+"/api/v1/cases/"+id, "test-ander", nil, nil)

	// The history as stored holds none of it.
	events := rawHistory(t, srv, id)
	for _, ev := range events {
		b, err := proto.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		if l := leaks(b); l != nil {
			t.Errorf("history event %d (%s) holds %q", ev.GetEventId(), ev.GetEventType(), l)
		}
	}
	inputs := updateInputs(events)
	if len(inputs) != 2 || !crypt.IsEncrypted(inputs[1]) || crypt.CaseOf(inputs[1]) != id {
		t.Fatalf("update inputs = %v, want 2 encrypted payloads of %s", inputs, id)
	}

	// Search attributes are plain and hold no personal data; the memo is encrypted, but
	// for the facts record, which is public by construction and holds none either.
	desc, err := c.DescribeWorkflowExecution(context.Background(), id, "")
	if err != nil {
		t.Fatal(err)
	}
	info := desc.GetWorkflowExecutionInfo()
	for name, p := range info.GetSearchAttributes().GetIndexedFields() {
		if l := leaks(p.GetData()); l != nil {
			t.Errorf("search attribute %s holds %q", name, l)
		}
	}
	for name, p := range info.GetMemo().GetFields() {
		if name == workflows.MemoFacts {
			js, err := crypt.PublicJSON(p)
			if err != nil || leaks(js) != nil {
				t.Errorf("memo %s: %v (%v), holds %q", name, p.GetMetadata(), err, leaks(js))
			}
			continue
		}
		if !crypt.IsEncrypted(p) {
			t.Errorf("memo %s is not encrypted", name)
		}
	}
	if info.GetMemo().GetFields()[workflows.MemoFacts] == nil {
		t.Error("the case published no facts record")
	}

	// The codec endpoint decodes for the coach, not for another gemeente or no one.
	codec := base + worker.CodecPath
	req := commonpb.Payloads{Payloads: inputs}
	code, out, hdr := call(t, "POST", codec+"/decode", "test-coach-noord", &req, "Origin", origin, "X-Namespace", srv.Namespace())
	if code != 200 || !strings.Contains(string(decodedData(t, out)), resident[0]) {
		t.Errorf("decode as the coach: %d %s", code, out)
	}
	if hdr.Get("Access-Control-Allow-Origin") != origin || hdr.Get("Access-Control-Allow-Credentials") != "true" {
		t.Errorf("CORS headers for the UI's origin: %v", hdr)
	}
	code, out, _ = call(t, "POST", codec+"/decode", "test-ander", &req)
	if code != 200 || leaks(decodedData(t, out)) != nil || !strings.Contains(string(out), "YmluYXJ5L2VuY3J5cHRlZA") {
		t.Errorf("decode as another gemeente: %d %s, want the payloads still encrypted", code, out)
	}
	if code, out, _ = call(t, "POST", codec+"/decode", "", &req); code != 401 {
		t.Errorf("decode without a token: %d %s, want 401", code, out)
	}
	if code, _, hdr = call(t, "OPTIONS", codec+"/decode", "", nil, "Origin", "http://evil.example"); hdr.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight of another origin: %d %v", code, hdr)
	}

	// A browser signed in to the web app decodes by its session cookie alone, as the
	// Web UI calls the endpoint (codec.includeCredentials).
	browser := signIn(t, base, "test-coach-noord")
	b, _ := json.Marshal(&req)
	resp, err := browser.Post(codec+"/decode", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(decodedData(t, out)), resident[0]) {
		t.Errorf("decode with the session cookie: %d %s", resp.StatusCode, out)
	}

	// The Web UI without a codec shows ciphertext, and refuses case-breaking actions.
	uiAPI := srv.UIURL() + "/api/v1/namespaces/" + srv.Namespace() + "/workflows/" + id
	code, out, _ = call(t, "GET", uiAPI+"/history", "", nil)
	if code != 200 || leaks(out) != nil || !strings.Contains(string(out), "YmluYXJ5L2VuY3J5cHRlZA") {
		t.Errorf("Web UI history: %d, leaks %q; want ciphertext", code, leaks(out))
	}
	if code, out, _ = call(t, "POST", uiAPI+"/terminate", "anything", map[string]any{"reason": "x"}); code != http.StatusMethodNotAllowed {
		t.Errorf("terminate through the Web UI: %d %s, want 405", code, out)
	}

	// The access log names who read and changed the case, with ids only.
	for _, want := range []string{
		`"user":"t-coach-noord","gemeente":"testdorp","case":"` + id + `","action":"view","outcome":"ok","via":"api"`,
		`"user":"t-ander","gemeente":"anderdorp","case":"` + id + `","action":"view","outcome":"denied"`,
		`"case":"` + id + `","task":"gesprek-1","action":"complete","outcome":"ok"`,
		`"user":"t-coach-noord","gemeente":"testdorp","case":"` + id + `","action":"decode","outcome":"ok","via":"codec"`,
		`"user":"t-ander","gemeente":"anderdorp","case":"` + id + `","action":"decode","outcome":"denied","via":"codec"`,
	} {
		if !strings.Contains(accessBuf.String(), want) {
			t.Errorf("access log lacks %s:\n%s", want, accessBuf.String())
		}
	}

	// Stop everything, then read every byte the process and the server left behind.
	if err := svc.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	c.Close()
	srv.Stop()
	for what, b := range map[string][]byte{"process log": []byte(logs.String()), "access log": []byte(accessBuf.String())} {
		if l := leaks(b); l != nil {
			t.Errorf("%s holds %q", what, l)
		}
	}
	sawCase := false
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sawCase = sawCase || bytes.Contains(b, []byte(id))
		if l := leaks(b); l != nil {
			t.Errorf("%s holds %q", path, l)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !sawCase {
		t.Error("the case id occurs in no file of the data dir: the scan read the wrong files")
	}
}

// decodedData joins the data of the payloads a codec answer holds.
func decodedData(t *testing.T, body []byte) []byte {
	t.Helper()
	var ps commonpb.Payloads
	if err := json.Unmarshal(body, &ps); err != nil {
		t.Fatalf("codec answer %s: %v", body, err)
	}
	var out []byte
	for _, p := range ps.GetPayloads() {
		out = append(out, p.GetData()...)
	}
	return out
}

// TestForgedActorsAreRejected sends updates straight to Temporal, as a client that
// reaches the frontend but not the API could: without the keys, unsigned, with a
// signature for another update, and expired. Each is rejected in validation and leaves
// no event; a signed update then still works.
func TestForgedActorsAreRejected(t *testing.T) {
	srv := testserver.Embedded(t, testserver.Options{})
	keys := testutil.Keys()
	c := dialKeys(t, srv, keys, zerolog.NewTestWriter(t))
	_, base := serve(t, c, srv.Namespace(), svcOpts{keys: keys, taskQueue: "forged"})
	var v workflows.CaseView
	mustCall(t, 201, "POST", base+"/api/v1/cases", "test-coach-noord", map[string]any{"gemeente": "testdorp", "process": "snel", "data": map[string]any{"bron": "inwoner"}}, &v)
	taskID := v.Tasks[0].ID
	before := len(rawHistory(t, srv, v.ID))

	actor := workflows.Actor{UserID: "t-leider", Gemeente: "testdorp", Teams: []string{"noord"}, Roles: []string{"leider", "coach"}}
	req := workflows.CompleteRequest{Actor: actor, TaskID: taskID, Data: map[string]any{"urgent": true}}
	plain, err := client.Dial(client.Options{HostPort: srv.Address(), Namespace: srv.Namespace(), Logger: worker.NewLogger(zerolog.Nop())})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	send := func(c client.Client, updateID string, arg any) error {
		h, err := c.UpdateWorkflow(context.Background(), client.UpdateWorkflowOptions{
			WorkflowID: v.ID, UpdateID: updateID, UpdateName: workflows.UpdateComplete,
			Args: []any{arg}, WaitForStage: client.WorkflowUpdateStageCompleted,
		})
		if err == nil {
			err = h.Get(context.Background(), nil)
		}
		return err
	}
	signedElsewhere, err := actors.Sign(keys, req, workflows.UpdateComplete, v.ID, "other-update", time.Now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	expired, err := actors.Sign(keys, req, workflows.UpdateComplete, v.ID, "expired", time.Now().Add(-time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		c        client.Client
		updateID string
		arg      any
		want     string
	}{
		// The worker reads a plain payload (cases from before encryption), so this one
		// fails on the signature too; its client cannot even read why (type only).
		{"plain payload, no keys", plain, "forged-1", req, "type: Forbidden"},
		{"encrypted but unsigned", c, "forged-2", req, "not signed by the wijkflow API"},
		{"signature of another update", c, "forged-3", signedElsewhere, "not signed by the wijkflow API"},
		{"expired signature", c, "expired", expired, "signature expired"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := send(tc.c, tc.updateID, tc.arg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
	// The melding's two-second deadline may fire meanwhile (a workflow task, the case
	// stalled): what the rejected updates must not leave is an update event or any trace
	// of their ids.
	for _, ev := range rawHistory(t, srv, v.ID)[before:] {
		text := ev.String()
		if strings.Contains(ev.GetEventType().String(), "UPDATE") || strings.Contains(text, "forged-") || strings.Contains(text, `"expired"`) {
			t.Errorf("a rejected update left event %d %s in the history", ev.GetEventId(), ev.GetEventType())
		}
	}
	good, err := actors.Sign(keys, req, workflows.UpdateComplete, v.ID, "good", time.Now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := send(c, "good", good); err != nil {
		t.Fatalf("a signed update: %v", err)
	}
}

// TestKeyRotation starts a case under an old key, rotates (old and new loaded, new
// last) and completes it: the old payloads stay readable and new ones use the new key.
func TestKeyRotation(t *testing.T) {
	srv := testserver.Embedded(t, testserver.Options{})
	oldKey, newKey := crypt.Generate("k-2025"), crypt.Generate("k-2026")
	oldRing, err := crypt.NewKeyring(oldKey)
	if err != nil {
		t.Fatal(err)
	}
	c1 := dialKeys(t, srv, oldRing, zerolog.NewTestWriter(t))
	svc1, base1 := serve(t, c1, srv.Namespace(), svcOpts{keys: oldRing, taskQueue: "rotation"})
	var v workflows.CaseView
	api := base1 + "/api/v1"
	mustCall(t, 201, "POST", api+"/cases", "test-coach-noord", map[string]any{"gemeente": "testdorp", "process": "snel", "data": map[string]any{"bron": "inwoner"}}, &v)
	mustCall(t, 200, "POST", api+"/cases/"+v.ID+"/tasks/"+v.Tasks[0].ID+"/complete", "test-coach-noord", map[string]any{"data": map[string]any{"urgent": false}}, &v)
	if err := svc1.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	c1.Close()

	rotated, err := crypt.NewKeyring(oldKey, newKey)
	if err != nil {
		t.Fatal(err)
	}
	c2 := dialKeys(t, srv, rotated, zerolog.NewTestWriter(t))
	_, base2 := serve(t, c2, srv.Namespace(), svcOpts{keys: rotated, taskQueue: "rotation"})
	mustCall(t, 200, "GET", base2+"/api/v1/cases/"+v.ID, "test-coach-noord", nil, &v)
	mustCall(t, 200, "POST", base2+"/api/v1/cases/"+v.ID+"/tasks/"+v.Tasks[0].ID+"/complete", "test-coach-noord", map[string]any{"data": map[string]any{"verslag": "afgerond"}}, &v)
	if v.Status != workflows.StatusClosed || v.Result != "afgerond" {
		t.Fatalf("after rotation the case is %s (%s), want closed afgerond", v.Status, v.Result)
	}
	var ids []string
	for _, p := range updateInputs(rawHistory(t, srv, v.ID)) {
		ids = append(ids, string(p.GetMetadata()[crypt.MetaKeyID]))
	}
	if strings.Join(ids, ",") != "k-2025,k-2026" {
		t.Errorf("update inputs under keys %v, want k-2025 then k-2026", ids)
	}
	// Without the old key the case's start can no longer be read.
	newOnly, _ := crypt.NewKeyring(newKey)
	events := rawHistory(t, srv, v.ID)
	start := events[0].GetWorkflowExecutionStartedEventAttributes().GetInput().GetPayloads()
	var in workflows.CaseInput
	if err := newOnly.DataConverter().FromPayload(start[0], &in); !errors.Is(err, crypt.ErrUnknownKey) {
		t.Errorf("reading the start without the old key: %v, want ErrUnknownKey", err)
	}
	if err := rotated.DataConverter().FromPayload(start[0], &in); err != nil || in.CaseID != v.ID {
		t.Errorf("reading the start with both keys: %v (%s)", err, in.CaseID)
	}
}

// TestErasureLeavesNothingInTheFile erases a case through the API and checks that its
// ciphertext is gone from temporal.db itself, not only from Temporal's answers: SQLite
// runs with secure_delete, so deleted rows do not linger in free pages.
func TestErasureLeavesNothingInTheFile(t *testing.T) {
	dir := t.TempDir()
	srv := testserver.Embedded(t, testserver.Options{DataDir: dir})
	accessBuf := &testutil.SyncBuffer{}
	c := dialKeys(t, srv, testutil.Keys(), zerolog.NewTestWriter(t))
	_, base := serve(t, c, srv.Namespace(), svcOpts{keys: testutil.Keys(), taskQueue: "erase", access: accesslog.NewJSONLines(accessBuf)})
	api := base + "/api/v1"
	var v workflows.CaseView
	mustCall(t, 201, "POST", api+"/cases", "test-coach-noord", map[string]any{"gemeente": "testdorp", "process": "snel", "data": map[string]any{"bron": "inwoner"}}, &v)
	mustCall(t, 200, "POST", api+"/cases/"+v.ID+"/tasks/"+v.Tasks[0].ID+"/complete", "test-coach-noord", map[string]any{"data": map[string]any{"urgent": false}}, &v)
	events := rawHistory(t, srv, v.ID)
	start := events[0].GetWorkflowExecutionStartedEventAttributes().GetInput().GetPayloads()[0].GetData()
	update := updateInputs(events)[0].GetData()
	// 32 bytes of ciphertext after the nonce: random, so found only where the payload is.
	marks := [][]byte{start[12:44], update[12:44]}
	db := filepath.Join(dir, "temporal.db")
	inFile := func() int {
		b, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range marks {
			if bytes.Contains(b, m) {
				n++
			}
		}
		return n
	}
	if n := inFile(); n != len(marks) {
		t.Fatalf("%d of %d payloads found in temporal.db before the erasure: the scan reads the wrong file", n, len(marks))
	}
	mustCall(t, 403, "POST", api+"/cases/"+v.ID+"/erase", "test-coach-noord", map[string]any{"confirm": v.ID}, nil)
	mustCall(t, 200, "POST", api+"/cases/"+v.ID+"/erase", "test-leider", map[string]any{"confirm": v.ID}, nil)
	testutil.Soon(t, func() error {
		if n := inFile(); n > 0 {
			return errors.New("the case's ciphertext is still in temporal.db")
		}
		return nil
	})
	if want := `"user":"t-leider","gemeente":"testdorp","case":"` + v.ID + `","action":"erase","outcome":"ok"`; !strings.Contains(accessBuf.String(), want) {
		t.Errorf("access log lacks %s:\n%s", want, accessBuf.String())
	}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// signIn signs in to the web app with token and returns a client holding the session.
func signIn(t testing.TB, base, token string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(base + "/aanmelden")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfRE.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF field on the sign-in page: %s", page)
	}
	resp, err = c.PostForm(base+"/aanmelden", url.Values{"csrf": {string(m[1])}, "token": {token}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("sign in: %s", resp.Status)
	}
	return c
}
