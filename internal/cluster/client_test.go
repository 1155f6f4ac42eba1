package cluster

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// apiClient calls the task API of several workers in turn, as a load balancer would, and
// retries a request that got no answer (a killed worker) or a gateway status on the next
// worker with the same Idempotency-Key, so nothing is done twice.
type apiClient struct {
	urls    []string
	token   string
	http    http.Client
	next    atomic.Uint64
	retries atomic.Int64 // requests sent again after no answer or a 502/503/504
	slow    atomic.Int64 // 202s: accepted, answer not ready
	// anyServerError retries every 5xx too: the seeding of a benchmark, where every
	// call has its key and only the end state counts.
	anyServerError bool
}

func newAPIClient(token string, urls ...string) *apiClient {
	return &apiClient{urls: urls, token: token, http: http.Client{Timeout: time.Minute}}
}

// retryFor is how long a request is tried: a restarted worker or server is back well
// within it.
const retryFor = 2 * time.Minute

// do sends the request to the next worker, retrying as above, and decodes the answer
// into out when its status is want.
func (c *apiClient) do(method, path, key string, body any, want int, out any) error {
	deadline := time.Now().Add(retryFor)
	for {
		base := c.urls[c.next.Add(1)%uint64(len(c.urls))]
		status, b, err := c.once(base, method, path, key, body)
		if err == nil && status == want {
			if out != nil {
				return json.Unmarshal(b, out)
			}
			return nil
		}
		again := err != nil || status == http.StatusBadGateway || status == http.StatusServiceUnavailable ||
			status == http.StatusGatewayTimeout || status == http.StatusAccepted ||
			(c.anyServerError && status >= 500)
		if err == nil && !again {
			return fmt.Errorf("%s %s: %d %s", method, path, status, b)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s %s: still failing after %s: %d %v", method, path, retryFor, status, err)
		}
		if status == http.StatusAccepted {
			c.slow.Add(1)
		} else {
			c.retries.Add(1)
		}
		time.Sleep(100 * time.Millisecond) // a retry interval, not a wait for an outcome
	}
}

// once is one request to one worker.
func (c *apiClient) once(base, method, path, key string, body any) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, base+"/api/v1"+path, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// steps are the tasks of testdata/definitions/testdorp-vier.yaml, in order, with an
// answer to each form.
var steps = []struct {
	step string
	data map[string]any
}{
	{"melding", map[string]any{"urgent": true}},
	{"gesprek", map[string]any{"verslag": "gesprek gevoerd"}},
	{"plan", map[string]any{"plan": "plan gemaakt"}},
	{"evaluatie", map[string]any{"tevreden": true}},
}

// create starts a case of testdorp/vier in team noord; key makes a retry the same case.
func (c *apiClient) create(key string) (workflows.CaseView, error) { return c.createIn(key, "noord") }

// createIn starts a case of testdorp/vier in team.
func (c *apiClient) createIn(key, team string) (workflows.CaseView, error) {
	var v workflows.CaseView
	body := map[string]any{"gemeente": "testdorp", "process": "vier", "team": team, "data": map[string]any{"bron": "huisarts"}}
	err := c.do("POST", "/cases", key, body, http.StatusCreated, &v)
	return v, err
}

// complete completes the open task of the case's step n with its answer.
func (c *apiClient) complete(v workflows.CaseView, n int, key string) (workflows.CaseView, error) {
	var after workflows.CaseView
	id := taskOf(v, steps[n].step)
	if id == "" {
		if err := c.do("GET", "/cases/"+v.ID, "", nil, http.StatusOK, &v); err != nil {
			return after, err
		}
		if id = taskOf(v, steps[n].step); id == "" {
			return after, fmt.Errorf("case %s has no open %s task: %v", v.ID, steps[n].step, v.ActiveSteps)
		}
	}
	err := c.do("POST", "/cases/"+v.ID+"/tasks/"+id+"/complete", key, map[string]any{"data": steps[n].data}, http.StatusOK, &after)
	return after, err
}

func taskOf(v workflows.CaseView, step string) string {
	for _, t := range v.Tasks {
		if t.Step == step {
			return t.ID
		}
	}
	return ""
}

// listAll is every case the API lists, by id, all pages.
func (c *apiClient) listAll() (map[string]bool, error) {
	ids := map[string]bool{}
	token := ""
	for {
		var page struct {
			Cases []struct {
				ID string `json:"id"`
			} `json:"cases"`
			NextPageToken string `json:"nextPageToken"`
		}
		path := "/cases?pageSize=100"
		if token != "" {
			path += "&pageToken=" + url.QueryEscape(token)
		}
		if err := c.do("GET", path, "", nil, http.StatusOK, &page); err != nil {
			return nil, err
		}
		for _, cs := range page.Cases {
			if ids[cs.ID] {
				return nil, errors.New("case " + cs.ID + " listed twice")
			}
			ids[cs.ID] = true
		}
		if token = page.NextPageToken; token == "" {
			return ids, nil
		}
	}
}
