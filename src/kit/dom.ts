// A tiny element builder: text goes in through textContent only, so no string ever becomes markup.

interface ElProps {
  className?: string;
  id?: string;
  text?: string;
  href?: string;
}

/** Creates an element with a class, an id, text content and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElProps = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.href !== undefined) node.setAttribute("href", props.href);
  node.append(...children);
  return node;
}

/** Sets an element's text only when it differs: an equal write still costs the page a layout. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
