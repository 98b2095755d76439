/**
 * Narrows the page's connections to its own origin plus the one broker origin chosen in the URL, before anything
 * connects. The static policy in the HTML allows ws: and wss: in general (a meta policy cannot be widened later);
 * a second policy is enforced as well, so the page can reach exactly 'self' and this origin.
 */
export function lockConnectSrc(brokerOrigin: string | null): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src 'self'${brokerOrigin ? ' ' + brokerOrigin : ''}`;
  document.head.append(meta);
}
