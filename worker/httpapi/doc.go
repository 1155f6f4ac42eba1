// Package httpapi serves the task API under /api/v1: team workers create cases from a
// signal (melding), list and read cases, see their open tasks with the forms to fill in,
// and claim, complete, suspend, resume and extend.
//
// The API is stateless. Every case is a Temporal workflow: reads are workflow queries or
// one visibility query (search attributes plus the memo of open tasks, never a call per
// case), and every change is a workflow Update whose validator decides 403/409/422 without
// touching history. So any number of API processes can run against one cluster.
//
// Use New with a Config; the OpenAPI description is openapi.yaml, also served at
// GET /api/v1/openapi.yaml.
package httpapi
