// The otpauth URI as a QR code, drawn locally (the secret never leaves the browser for a QR service).
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function TotpQr({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    void QRCode.toString(uri, { type: 'svg', margin: 1, width: 176, errorCorrectionLevel: 'M' }).then((s) => {
      if (live) setSvg(s);
    });
    return () => {
      live = false;
    };
  }, [uri]);
  if (!svg) return null;
  // The SVG comes from the QR library, built from our own URI: no user-supplied markup is injected.
  return (
    <div
      className="totp-qr"
      role="img"
      aria-label={t('totp.qr')}
      data-testid="totp-qr"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
