// The shape of a request for evidence: method, route and the sorted names (not values) of its query parameters.

export function requestShape(method: string, routeId: string, pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  if (q < 0 || q === pathAndQuery.length - 1) return `${method} ${routeId}`;
  const keys = new Set<string>();
  for (const pair of pathAndQuery.slice(q + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    keys.add(eq < 0 ? pair : pair.slice(0, eq));
  }
  return keys.size === 0 ? `${method} ${routeId}` : `${method} ${routeId} ?${[...keys].sort().join('&')}`;
}
