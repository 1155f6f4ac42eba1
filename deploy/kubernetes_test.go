package deploy_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	sigsyaml "sigs.k8s.io/yaml"
)

// objects decodes every document of the manifests strictly (an unknown or misspelt key
// is an error) into the Kubernetes type its apiVersion and kind name.
func objects(t *testing.T) map[string]any {
	t.Helper()
	files, _ := filepath.Glob("kubernetes/*.yaml")
	if len(files) == 0 {
		t.Fatal("no manifests in kubernetes/")
	}
	out := map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range bytes.Split(b, []byte("\n---\n")) {
			var head struct{ APIVersion, Kind string }
			if err := sigsyaml.Unmarshal(doc, &head); err != nil {
				t.Fatalf("%s document %d: %v", f, i+1, err)
			}
			var obj any
			switch head.APIVersion + " " + head.Kind {
			case "apps/v1 Deployment":
				obj = &appsv1.Deployment{}
			case "v1 Service":
				obj = &corev1.Service{}
			case "policy/v1 PodDisruptionBudget":
				obj = &policyv1.PodDisruptionBudget{}
			case "batch/v1 Job":
				obj = &batchv1.Job{}
			default:
				t.Fatalf("%s document %d: no check for %s %s; add its type here", f, i+1, head.APIVersion, head.Kind)
			}
			if err := sigsyaml.UnmarshalStrict(doc, obj); err != nil {
				t.Fatalf("%s document %d (%s): %v", f, i+1, head.Kind, err)
			}
			out[head.Kind] = obj
		}
	}
	return out
}

func TestManifestsAreValidKubernetes(t *testing.T) {
	objs := objects(t)
	dep, _ := objs["Deployment"].(*appsv1.Deployment)
	svc, _ := objs["Service"].(*corev1.Service)
	pdb, _ := objs["PodDisruptionBudget"].(*policyv1.PodDisruptionBudget)
	job, _ := objs["Job"].(*batchv1.Job)
	if dep == nil || svc == nil || pdb == nil || job == nil {
		t.Fatalf("want a Deployment, Service, PodDisruptionBudget and Job; have %v", objs)
	}
	labels := dep.Spec.Template.Labels
	for name, sel := range map[string]map[string]string{"deployment": dep.Spec.Selector.MatchLabels, "service": svc.Spec.Selector, "pdb": pdb.Spec.Selector.MatchLabels} {
		for k, v := range sel {
			if labels[k] != v {
				t.Errorf("%s selects %s=%s, the pods have %v", name, k, v, labels)
			}
		}
	}
	if n := *dep.Spec.Replicas; pdb.Spec.MinAvailable.IntValue() >= int(n) {
		t.Errorf("PodDisruptionBudget minAvailable %v leaves none of %d replicas to drain", pdb.Spec.MinAvailable, n)
	}
	c := dep.Spec.Template.Spec.Containers[0]
	if sc := dep.Spec.Template.Spec.SecurityContext; sc == nil || sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot {
		t.Error("the pod may run as root")
	}
	if c.Image != job.Spec.Template.Spec.Containers[0].Image {
		t.Errorf("worker image %s, setup image %s", c.Image, job.Spec.Template.Spec.Containers[0].Image)
	}
	if !slices.ContainsFunc(c.Ports, func(p corev1.ContainerPort) bool { return p.Name == svc.Spec.Ports[0].TargetPort.String() }) {
		t.Errorf("the service targets port %q, the container has %v", svc.Spec.Ports[0].TargetPort.String(), c.Ports)
	}
	if !slices.Contains(c.Args, "--api-addr") || !slices.Contains(c.Args, ":8080") || c.Ports[0].ContainerPort != 8080 {
		t.Errorf("the API listens where the container port is not: args %v, ports %v", c.Args, c.Ports)
	}
	paths := apiPaths(t)
	for name, p := range map[string]*corev1.Probe{"liveness": c.LivenessProbe, "readiness": c.ReadinessProbe, "startup": c.StartupProbe} {
		if p == nil || p.HTTPGet == nil {
			t.Errorf("no HTTP %s probe", name)
			continue
		}
		if !slices.Contains(paths, p.HTTPGet.Path) {
			t.Errorf("%s probe path %s is not in the API (worker/httpapi/openapi.yaml)", name, p.HTTPGet.Path)
		}
	}
	if c.ReadinessProbe != nil && c.ReadinessProbe.HTTPGet.Path != "/api/v1/readyz" {
		t.Errorf("readiness probes %s; /api/v1/readyz says whether to send work", c.ReadinessProbe.HTTPGet.Path)
	}
}

// apiPaths are the task API's paths as its OpenAPI document lists them, with the prefix.
func apiPaths(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../worker/httpapi/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Servers []struct{ URL string }
		Paths   map[string]any
	}
	if err := yaml.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	if len(spec.Servers) != 1 {
		t.Fatalf("servers %v; want the one prefix", spec.Servers)
	}
	var out []string
	for p := range spec.Paths {
		out = append(out, spec.Servers[0].URL+p)
	}
	return out
}
