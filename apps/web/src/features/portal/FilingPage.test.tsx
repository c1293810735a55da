import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n';
import { jsonResponse, renderWithApp } from '../../test/render';
import FilingPage from './FilingPage';

describe('filing a request', () => {
  beforeEach(async () => {
    window.sessionStorage.clear();
    await changeLanguage('zh-CN');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the API limits next to the field before submitting', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderWithApp(<FilingPage />);
    const headcount = screen.getByRole('spinbutton', { name: '人数' });
    await userEvent.clear(headcount);
    await userEvent.type(headcount, '20000');
    expect(await screen.findByText('不能大于 10000')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findAllByText('必填')).not.toHaveLength(0);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('puts a 400 from the API next to its field, in the chosen language, and keeps what was typed', async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      jsonResponse(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: ['details.positions.0.title must be shorter than or equal to 100 characters'],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await changeLanguage('en');
    renderWithApp(<FilingPage />);
    const type = (name: RegExp, value: string) =>
      fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
    type(/Title/, 'Short of loom operators');
    type(/Description/, 'Twenty operators and helpers');
    type(/Position 1/, 'Loom operator');
    fireEvent.submit(screen.getByRole('button', { name: /Submit/ }).closest('form') as HTMLFormElement);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/requests');
    expect(JSON.parse(init.body as string)).toMatchObject({
      category: 'hiring',
      details: { positions: [{ title: 'Loom operator', headcount: 1 }] },
    });
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toBeTruthy();
    expect(await screen.findAllByText('At most 100 characters')).not.toHaveLength(0);
    expect(screen.getByRole('textbox', { name: /Title/ })).toHaveValue('Short of loom operators');
  });

  it('shows only the fields of the chosen category', async () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithApp(<FilingPage />);
    fireEvent.click(screen.getByRole('radio', { name: '融资' }));
    expect(await screen.findByRole('spinbutton', { name: '金额（元）' })).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton', { name: '人数' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '安全隐患' }));
    expect(await screen.findByRole('switch', { name: '存在紧迫危险' })).toBeInTheDocument();
  });
});
