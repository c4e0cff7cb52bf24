import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReceiptDisplay } from '../../../api/domain/receipt.ts';
export { receiptDisplay } from '../../../api/domain/receipt.ts';

interface Props {
  display: ReceiptDisplay;
  /** Starts a new report in place (the form); without it, a link to the form. */
  onNew?: () => void;
  /** Moves focus to the heading when it appears (the form's answer). */
  focus?: boolean;
}

/**
 * What the reporter must keep, shown once: large, saying why, with buttons to
 * copy it and to print or save it. The one receipt of both paths: the form
 * renders it in place; the page a no-script post gets is this component
 * prerendered with placeholders the server fills in (report/received.astro),
 * whose buttons appear only once a script runs.
 */
export default function ReportReceipt({ display, onNew, focus = false }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [scripted, setScripted] = useState(false);
  const [copied, setCopied] = useState('');
  useEffect(() => {
    setScripted(true);
    if (focus) heading.current?.focus();
  }, []);

  async function copy() {
    const text = `查询码：${display.code}\n查询密钥：${display.secret}`;
    try {
      await navigator.clipboard.writeText(text);
      setCopied('已复制查询码和查询密钥。请粘贴保存到安全的地方。');
    } catch {
      setCopied('浏览器不允许复制，请手动抄下或截图保存。');
    }
  }

  return (
    <div class="receipt">
      <h2 tabIndex={-1} ref={heading}>
        举报已收到
      </h2>
      <p>
        请<strong>抄下、复制或截图保存</strong>下面的查询码和查询密钥。凭这两项可以随时查看办理进展，无需留下姓名；为保护您的身份，我们不保存能找回查询密钥的信息，密钥只显示这一次，丢失后无法补发。
      </p>
      <dl class="receipt-codes">
        <div>
          <dt>查询码</dt>
          <dd class="code" data-testid="tracking-code">
            {display.code}
          </dd>
        </div>
        <div>
          <dt>查询密钥</dt>
          <dd class="code" data-testid="tracking-secret">
            {display.secret}
          </dd>
        </div>
        <div>
          <dt>收到时间</dt>
          <dd>{display.received}</dd>
        </div>
        <div>
          <dt>照片</dt>
          <dd>{display.photos}</dd>
        </div>
      </dl>
      <p>{display.sentence}</p>
      {scripted ? (
        <p class="button-row receipt-actions">
          <button type="button" class="button" onClick={() => void copy()}>
            复制查询码和密钥
          </button>
          <button type="button" class="button secondary" onClick={() => window.print()}>
            打印或保存为 PDF
          </button>
        </p>
      ) : (
        <p class="meta">可以用浏览器的“打印”功能把本页保存为 PDF 或打印出来。</p>
      )}
      <p class="receipt-status" role="status" aria-live="polite">
        {copied}
      </p>
      <p class="button-row">
        <a class="button secondary" href="/track/">
          查询举报进展
        </a>
        {onNew ? (
          <button type="button" class="button secondary" onClick={onNew}>
            再举报一条
          </button>
        ) : (
          <a class="button secondary" href="/report/">
            再举报一条
          </a>
        )}
      </p>
    </div>
  );
}
