export default {
  projects: ['<rootDir>/{libs,apps}/*/jest.config.js'],
};
