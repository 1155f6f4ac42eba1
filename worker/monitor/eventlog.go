package monitor

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"strconv"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// EventLog writes the trail events of the period's closed cases for process mining:
// ids, event codes and times only. Cases stream page by page from visibility, so
// memory stays flat however many cases there are; OCEL lists the cases twice (objects,
// then events), XES once.
type EventLog struct {
	Source Source
	Period Period
}

// closedIn calls fn for each case closed in the period that published its events.
func (l EventLog) closedIn(ctx context.Context, fn func(Case)) error {
	p := l.Period
	return l.Source.Each(ctx, p.Gemeente, p.Process, p.Team, func(c Case) error {
		if c.Facts != nil && !c.Close.IsZero() && in(p, c.Close) && len(c.Facts.Events) > 0 {
			fn(c)
		}
		return ctx.Err()
	})
}

// ocelAttr is an OCEL 2.0 attribute value of an object (with its time) or event.
type ocelAttr struct {
	Name  string `json:"name"`
	Time  string `json:"time,omitempty"`
	Value string `json:"value"`
}

type ocelRel struct {
	ObjectID  string `json:"objectId"`
	Qualifier string `json:"qualifier"`
}

type ocelObject struct {
	ID            string     `json:"id"`
	Type          string     `json:"type"`
	Attributes    []ocelAttr `json:"attributes"`
	Relationships []ocelRel  `json:"relationships"`
}

type ocelEvent struct {
	ID            string     `json:"id"`
	Type          string     `json:"type"`
	Time          string     `json:"time"`
	Attributes    []ocelAttr `json:"attributes"`
	Relationships []ocelRel  `json:"relationships"`
}

const epoch = "1970-01-01T00:00:00Z"

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// OCEL writes the log as OCEL 2.0 JSON: objects case, task and referral; events the
// trail, each related to its case and, when it has one, its task.
func (l EventLog) OCEL(ctx context.Context, out io.Writer) error {
	w := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(w)
	w.WriteString(`{"objectTypes":[{"name":"case","attributes":[{"name":"process","type":"string"},{"name":"team","type":"string"},{"name":"result","type":"string"}]},` +
		`{"name":"task","attributes":[{"name":"step","type":"string"}]},{"name":"referral","attributes":[{"name":"provider","type":"string"},{"name":"outcome","type":"string"}]}],"eventTypes":[`)
	for i, e := range workflows.Events {
		if i > 0 {
			w.WriteByte(',')
		}
		enc.Encode(map[string]any{"name": string(e), "attributes": []any{map[string]string{"name": "step", "type": "string"}}})
	}
	w.WriteString(`],"objects":[`)
	first := true
	sep := func() {
		if !first {
			w.WriteByte(',')
		}
		first = false
	}
	err := l.closedIn(ctx, func(c Case) {
		f := c.Facts
		obj := ocelObject{ID: c.ID, Type: "case", Attributes: []ocelAttr{
			{Name: "process", Time: epoch, Value: string(f.Process)}, {Name: "team", Time: epoch, Value: string(f.Team)},
			{Name: "result", Time: epoch, Value: string(f.Result)}}, Relationships: []ocelRel{}}
		tasks := map[workflows.FactID]string{}
		for _, e := range f.Events {
			if e.Task != "" && tasks[e.Task] == "" {
				tasks[e.Task] = string(e.Step)
				obj.Relationships = append(obj.Relationships, ocelRel{ObjectID: c.ID + "/" + string(e.Task), Qualifier: "task"})
			}
		}
		for i := range f.Referrals {
			obj.Relationships = append(obj.Relationships, ocelRel{ObjectID: referralID(c.ID, i), Qualifier: "referral"})
		}
		sep()
		enc.Encode(obj)
		for _, e := range f.Events {
			if step := tasks[e.Task]; step != "" {
				sep()
				enc.Encode(ocelObject{ID: c.ID + "/" + string(e.Task), Type: "task", Attributes: []ocelAttr{{Name: "step", Time: epoch, Value: step}}, Relationships: []ocelRel{}})
				delete(tasks, e.Task)
			}
		}
		for i, r := range f.Referrals {
			sep()
			enc.Encode(ocelObject{ID: referralID(c.ID, i), Type: "referral", Attributes: []ocelAttr{
				{Name: "provider", Time: epoch, Value: string(r.Provider)}, {Name: "outcome", Time: epoch, Value: string(r.Outcome)}}, Relationships: []ocelRel{}})
		}
	})
	if err != nil {
		return err
	}
	w.WriteString(`],"events":[`)
	first = true
	err = l.closedIn(ctx, func(c Case) {
		for i, e := range c.Facts.Events {
			rel := []ocelRel{{ObjectID: c.ID, Qualifier: "case"}}
			if e.Task != "" {
				rel = append(rel, ocelRel{ObjectID: c.ID + "/" + string(e.Task), Qualifier: "task"})
			}
			sep()
			enc.Encode(ocelEvent{ID: c.ID + "#" + itoa(i+c.Facts.Dropped), Type: string(e.Event), Time: stamp(e.At),
				Attributes: []ocelAttr{{Name: "step", Value: string(e.Step)}}, Relationships: rel})
		}
	})
	if err != nil {
		return err
	}
	w.WriteString("]}\n")
	return w.Flush()
}

func referralID(caseID string, i int) string { return caseID + "/verwijzing-" + itoa(i+1) }

// xesLog opens an XES log as the schema of IEEE 1849-2016 has it. That schema declares
// no targetNamespace, so its elements are in no namespace: the default namespace
// http://www.xes-standard.org/ that OpenXES and pm4py write makes a log the schema
// rejects, and the readers do not need it (OpenXES's XesXmlParser and pm4py's importer
// match local names only). xes.version is an xs:decimal, so the standard's 1849-2016 is
// written 1849.2016 (pm4py's "1849-2016" is not valid). Children come in the schema's
// order: extensions, globals, classifiers, log attributes, traces.
const xesLog = `<log xes.version="1849.2016" xes.features="">`

// XES writes the log as XES (IEEE 1849): a trace per case, an event per trail entry.
func (l EventLog) XES(ctx context.Context, out io.Writer) error {
	w := bufio.NewWriterSize(out, 64<<10)
	w.WriteString(xml.Header)
	w.WriteString(xesLog + "\n" +
		`<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>` + "\n" +
		`<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>` + "\n" +
		`<global scope="trace"><string key="concept:name" value=""/></global>` + "\n" +
		`<global scope="event"><string key="concept:name" value=""/><date key="time:timestamp" value="1970-01-01T00:00:00Z"/></global>` + "\n" +
		`<classifier name="Event" keys="concept:name"/>` + "\n")
	attr := func(kind, key, value string) {
		w.WriteString("<" + kind + ` key="` + key + `" value="`)
		xml.EscapeText(w, []byte(value))
		w.WriteString(`"/>`)
	}
	err := l.closedIn(ctx, func(c Case) {
		w.WriteString("<trace>")
		attr("string", "concept:name", c.ID)
		attr("string", "process", string(c.Facts.Process))
		attr("string", "result", string(c.Facts.Result))
		w.WriteString("\n")
		for _, e := range c.Facts.Events {
			w.WriteString("<event>")
			attr("string", "concept:name", string(e.Event))
			attr("date", "time:timestamp", stamp(e.At))
			if e.Step != "" {
				attr("string", "step", string(e.Step))
			}
			if e.Task != "" {
				attr("string", "task", string(e.Task))
			}
			w.WriteString("</event>\n")
		}
		w.WriteString("</trace>\n")
	})
	if err != nil {
		return err
	}
	w.WriteString("</log>\n")
	return w.Flush()
}

func itoa(n int) string { return strconv.Itoa(n) }
