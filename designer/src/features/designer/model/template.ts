import type { Definition } from './document';

/**
 * The five-step electronic process (receive & digitize → appraise → approve & sign → issue → return) as a
 * starting point: valid as it stands, so an analyst begins from something that publishes.
 */
export function fiveStepTemplate(id: string, name: string): Definition {
  return {
    id,
    name,
    deadline: '5d',
    roles: [
      { id: 'desk-officer', name: 'Cán bộ một cửa' },
      { id: 'specialist', name: 'Chuyên viên' },
      { id: 'leader', name: 'Lãnh đạo' },
      { id: 'clerk', name: 'Văn thư' },
    ],
    form: {
      fields: [
        { key: 'applicantName', label: 'Họ và tên người nộp', type: 'text', required: true, maxLength: 100 },
        { key: 'applicantId', label: 'Số định danh cá nhân', type: 'national-id', required: true },
        { key: 'address', label: 'Địa chỉ', type: 'address', required: true },
      ],
    },
    steps: [
      { id: 'submit', kind: 'start', name: 'Nộp hồ sơ' },
      { id: 'receive', kind: 'task', name: 'Tiếp nhận và số hóa hồ sơ', role: 'desk-officer', budget: '4h', outcomes: ['accept', 'refuse'] },
      { id: 'appraise', kind: 'task', name: 'Thẩm định hồ sơ', role: 'specialist', budget: '2d', status: 'in-process', outcomes: ['recommend', 'refuse'] },
      { id: 'approve', kind: 'signature', name: 'Phê duyệt và ký số', role: 'leader', budget: '1d', outcomes: ['approve', 'rework', 'refuse'] },
      { id: 'issue', kind: 'issue', name: 'Đóng dấu và phát hành', role: 'clerk', budget: '4h', outcomes: ['issued'] },
      { id: 'return', kind: 'task', name: 'Trả kết quả', role: 'desk-officer', budget: '4h', status: 'result-ready', outcomes: ['returned'] },
      { id: 'done', kind: 'end', name: 'Đã trả kết quả', status: 'returned' },
      { id: 'refused', kind: 'end', name: 'Từ chối', status: 'refused' },
    ],
    transitions: [
      { from: 'submit', to: 'receive' },
      { from: 'receive', to: 'appraise', outcome: 'accept' },
      { from: 'receive', to: 'refused', outcome: 'refuse' },
      { from: 'appraise', to: 'approve', outcome: 'recommend' },
      { from: 'appraise', to: 'refused', outcome: 'refuse' },
      { from: 'approve', to: 'issue', outcome: 'approve' },
      { from: 'approve', to: 'appraise', outcome: 'rework' },
      { from: 'approve', to: 'refused', outcome: 'refuse' },
      { from: 'issue', to: 'return', outcome: 'issued' },
      { from: 'return', to: 'done', outcome: 'returned' },
    ],
  };
}
