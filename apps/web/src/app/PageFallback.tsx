import { Spin } from 'antd';

export function PageFallback() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
      <Spin />
    </div>
  );
}
