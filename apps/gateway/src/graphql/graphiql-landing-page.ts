import type { ApolloServerPlugin } from '@apollo/server';

// The explorer outside production: GraphiQL from the unpkg CDN, in the browser only (nothing is
// installed or served from here but this page), as @nestjs/apollo's driver showed it before ADR 5.
const GRAPHIQL = 'https://unpkg.com/graphiql@3.8.3';
const REACT = 'https://unpkg.com/react@18.3.1/umd';

export function graphiqlLandingPage(endpoint: string): ApolloServerPlugin {
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>redtape GraphQL</title>
    <link rel="stylesheet" href="${GRAPHIQL}/graphiql.min.css" />
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script crossorigin src="${REACT}/react.production.min.js"></script>
    <script crossorigin src="${REACT}/react-dom.production.min.js"></script>
    <script crossorigin src="${GRAPHIQL}/graphiql.min.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
      ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher }));
    </script>
  </body>
</html>
`;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
