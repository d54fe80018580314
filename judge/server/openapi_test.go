package server_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge/server"
)

var (
	specOnce   sync.Once
	specRouter routers.Router
	specErr    error
)

// spec is the embedded OpenAPI document, loaded and checked once.
func spec(t *testing.T) routers.Router {
	t.Helper()
	specOnce.Do(func() {
		doc, err := openapi3.NewLoader().LoadFromData(server.OpenAPI)
		if err == nil {
			err = doc.Validate(context.Background())
		}
		if err == nil {
			specRouter, err = gorillamux.NewRouter(doc)
		}
		specErr = err
	})
	require.NoError(t, specErr, "openapi.yaml")
	return specRouter
}

// conform checks an exchange against openapi.yaml: the route is documented, the request too
// (unless it is meant to be wrong), and the answer's status and JSON body are the documented
// ones.
func conform(t *testing.T, req *http.Request, reqBody []byte, resp *http.Response, body []byte, checkRequest bool) {
	t.Helper()
	route, params, err := spec(t).FindRoute(req)
	if !assert.NoError(t, err, "%s %s is not in openapi.yaml", req.Method, req.URL.Path) {
		return
	}
	in := &openapi3filter.RequestValidationInput{Request: req.Clone(context.Background()), PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true}}
	in.Request.Body = io.NopCloser(bytes.NewReader(reqBody))
	if checkRequest {
		assert.NoError(t, openapi3filter.ValidateRequest(context.Background(), in), "request %s %s", req.Method, req.URL.Path)
	}
	ct := resp.Header.Get("Content-Type")
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}
	if !strings.Contains(ct, "json") {
		opts.ExcludeResponseBody = true
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: opts}
	assert.NoError(t, openapi3filter.ValidateResponse(context.Background(), out), "answer %d to %s %s: %s", resp.StatusCode, req.Method, req.URL.Path, body)
}

// Every documented operation is served (none falls through to "no such route").
func TestEveryDocumentedRouteIsServed(t *testing.T) {
	a := newAPI(t)
	doc, err := openapi3.NewLoader().LoadFromData(server.OpenAPI)
	require.NoError(t, err)
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			p := strings.NewReplacer("{id}", "00000000-0000-0000-0000-000000000000", "{token}", "jinv_x", "{problem}", "sum").Replace(path)
			req, err := http.NewRequest(method, a.url+p, nil)
			require.NoError(t, err)
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.NotContains(t, string(b), "no such route", "%s %s", method, path)
		}
	}
	code, raw := a.do("GET", "/openapi.yaml", "", nil, nil)
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, raw, "openapi: 3.0.3")
}
