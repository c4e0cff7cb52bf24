// A land-enforcement vocabulary for generated decisions. Every place and
// person here is invented; region codes start with 99.

export const COUNTIES = [
  { code: '990102', office: '示范市东湖区自然资源局', name: '东湖区', short: '东湖', towns: ['青石镇', '湖滨街道', '白沙镇', '渔港镇'], lat: [30.27, 30.48], lng: [116.32, 116.58] },
  { code: '990103', office: '示范市西岭区自然资源局', name: '西岭区', short: '西岭', towns: ['岭南镇', '松坡乡', '西关街道', '枫林镇'], lat: [30.27, 30.48], lng: [116.02, 116.28] },
  { code: '990121', office: '示范市清河县自然资源局', name: '清河县', short: '清河', towns: ['清溪镇', '河口乡', '稻香镇', '柳塘乡'], lat: [30.02, 30.23], lng: [116.02, 116.18] },
  { code: '990122', office: '示范市石门县自然资源局', name: '石门县', short: '石门', towns: ['石桥镇', '门岭乡', '矿山镇', '龙潭乡'], lat: [30.02, 30.23], lng: [116.22, 116.38] },
  { code: '990123', office: '示范市云山县自然资源局', name: '云山县', short: '云山', towns: ['云峰镇', '山塘乡', '茶岭镇', '竹溪乡'], lat: [30.02, 30.23], lng: [116.42, 116.58] },
] as const;

export const VILLAGES = ['下湾村', '上庄村', '新塘村', '前进村', '大坪村', '石坝村', '桃园村', '东岗村', '柳林村', '南垄村', '红旗村', '河西村'];
export const SPOTS = ['东侧', '西北角', '南面山脚', '村道旁', '河滩地', '原砖瓦厂旧址', '村委会以北约300米', '水库下游'];
export const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
export const TRADES = ['建材', '砂石', '物流', '石材', '农业开发', '混凝土', '仓储', '建筑工程', '生态农业', '矿业'];
export const COMPANY_WORDS = ['恒达', '鑫源', '宏远', '兴旺', '汇丰', '长盛', '顺发', '金石', '瑞祥', '永泰', '华茂', '福源'];
export const STRUCTURES = ['厂房', '仓库', '办公用房', '砂石堆场', '硬化场地', '钢结构大棚', '简易工棚', '围墙及门卫室'];
export const MINERALS = ['建筑用砂', '建筑石料用灰岩', '砖瓦用黏土', '河砂', '花岗岩石料'];
