package deploy_test

import (
	"os"
	"testing"

	"go.temporal.io/server/common/dynamicconfig"
)

// TestDynamicConfigLoads loads the reference dynamic config with the server's own loader:
// no error and no warning (a warning is, among others, a key the server does not know).
func TestDynamicConfigLoads(t *testing.T) {
	b, err := os.ReadFile("temporal/dynamicconfig.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res := dynamicconfig.LoadYamlFile(b)
	for _, e := range res.Errors {
		t.Errorf("error: %v", e)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning: %v", w)
	}
	key := dynamicconfig.FrontendMaxNamespaceVisibilityRPSPerInstance.Key()
	if vs := res.Map[key]; len(vs) != 1 || vs[0].Value != 10 {
		t.Errorf("%s = %v; the README's figures are for the stock 10", key, vs)
	}
	eager := dynamicconfig.EnableEagerWorkflowStart.Key()
	if vs := res.Map[eager]; len(vs) != 1 || vs[0].Value != true {
		t.Errorf("%s = %v; creates start eagerly (README \"Creates start eagerly\")", eager, vs)
	}
}
